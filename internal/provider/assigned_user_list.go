package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ list.ListResource              = (*assignedUserList)(nil)
	_ list.ListResourceWithConfigure = (*assignedUserList)(nil)
)

// NewAssignedUserList returns the whatsapp_assigned_user list resource: the
// users assigned to one WABA.
func NewAssignedUserList() list.ListResource { return &assignedUserList{} }

type assignedUserList struct{ data *providerData }

type assignedUserListConfig struct {
	WABAID     types.String `tfsdk:"waba_id"`
	BusinessID types.String `tfsdk:"business_id"`
}

func (l *assignedUserList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assigned_user"
}

func (l *assignedUserList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *assignedUserList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the users assigned to a WhatsApp Business Account, with their tasks: one `GET /{waba-id}/assigned_users` per page.",
		Attributes: map[string]schema.Attribute{
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
			},
			"business_id": schema.StringAttribute{
				MarkdownDescription: "ID of the business that owns the WABA, which Graph needs to list its users. Defaults to the provider's `business_id`; " +
					"with neither, the provider asks Graph for the WABA's owner (one request).",
				Optional:   true,
				Validators: []validator.String{validators.NumericID("506914307656634")},
			},
		},
	}
}

func (l *assignedUserList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg assignedUserListConfig
	diags := req.Config.Get(ctx, &cfg)
	if diags.HasError() || !requireConfigured(l.data, &diags) {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = listing(req.Limit, func(p *listPusher) {
		client, waba := l.data.client, cfg.WABAID.ValueString()
		p.diags = diags
		business, ok := l.businessID(ctx, cfg.BusinessID, waba, &p.diags)
		if !ok {
			return
		}
		users, err := client.ListAssignedUsers(ctx, waba, business)
		if reportGraphCall(&p.diags, client, "list the users assigned to WhatsApp Business Account "+waba, err,
			assignedUsersReadAdvice(err, waba, business, false)) {
			return
		}
		for _, u := range users {
			if !p.result(listResult(ctx, req, assignedUserDisplayName(u), newAssignedUserIdentity(waba, u.ID), func(d *diag.Diagnostics) any {
				m := assignedUserModel{
					ID: types.StringValue(waba + "/" + u.ID), WABAID: types.StringValue(waba),
					UserID: types.StringValue(u.ID), BusinessID: types.StringValue(business),
				}
				m.fillFromAPI(&u, d)
				return m
			})) {
				return
			}
		}
	})
}

// businessID is the business the listing reads the edge with: the list
// block's, the provider's, or the WABA's owner as Graph reports it.
func (l *assignedUserList) businessID(ctx context.Context, configured types.String, waba string, diags *diag.Diagnostics) (string, bool) {
	if b := configured.ValueString(); b != "" {
		return b, true
	}
	if l.data.businessID != "" {
		return l.data.businessID, true
	}
	owner, err := l.data.client.WABAOwnerBusinessID(ctx, waba)
	if reportGraphCall(diags, l.data.client, "find the business that owns WhatsApp Business Account "+waba, err,
		missingWABAAdvice(err, waba, false),
		"Graph lists a WABA's users only for the business that owns it. Set business_id in the list block's config, "+
			"or on the provider, to the ID of the business portfolio that lists the account under Accounts > WhatsApp accounts in Meta Business Settings.") {
		return "", false
	}
	return owner, true
}

// assignedUserDisplayName shows who the user is and what they may do, e.g.
// "ci-deployer (1972555232742222): MANAGE".
func assignedUserDisplayName(u graph.AssignedUser) string {
	who := "User " + u.ID
	if name := strings.TrimSpace(u.Name); name != "" {
		who = fmt.Sprintf("%s (%s)", name, u.ID)
	}
	if len(u.Tasks) == 0 {
		return who + ": no tasks"
	}
	return who + ": " + strings.Join(u.Tasks, ", ")
}
