package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
)

// List resources serve terraform query (Terraform 1.14 and later): each
// result names one existing object by the resource's identity, which
// terraform query -generate-config-out turns into an import block, and
// carries the resource's attributes when Terraform asks for them. They read
// through the same client and read cache as refresh: one request per page of
// an edge, however many objects it holds.

// listResult is one listed object: its identity, its display name, and its
// resource object when Terraform asked for it (include_resource, or
// -generate-config-out).
func listResult(ctx context.Context, req list.ListRequest, display string, identity any, model func(*diag.Diagnostics) any) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = display
	result.Diagnostics.Append(result.Identity.Set(ctx, identity)...)
	if req.IncludeResource {
		m := model(&result.Diagnostics)
		result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
	}
	return result
}

// listPusher streams a listing's results. Diagnostics gathered between
// results (the rate-limit warnings of reportGraphCall, an error) go out with
// the next result, or on their own when none follows.
type listPusher struct {
	push  func(list.ListResult) bool
	diags diag.Diagnostics
}

// result sends r with the diagnostics gathered so far; false means stop.
func (p *listPusher) result(r list.ListResult) bool {
	r.Diagnostics = append(p.diags, r.Diagnostics...)
	p.diags = nil
	return p.push(r)
}

// flush sends what diagnostics are left: the error that ends a listing, or
// warnings no result carried.
func (p *listPusher) flush() {
	if len(p.diags) > 0 {
		p.push(list.ListResult{Diagnostics: p.diags})
		p.diags = nil
	}
}

// listing runs run as the results of a listing, stopping after limit
// objects (Terraform's limit, 100 unless the list block says otherwise), so
// that a listing over many WABAs reads no more of them than it needs. A
// limit of 0 or less is no limit.
func listing(limit int64, run func(*listPusher)) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		var objects int64
		stopped := false
		p := &listPusher{push: func(r list.ListResult) bool {
			if stopped {
				return false
			}
			if r.Identity != nil {
				objects++
			}
			stopped = !push(r) || (limit > 0 && objects >= limit)
			return !stopped
		}}
		run(p)
		p.flush()
	}
}
