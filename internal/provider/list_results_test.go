package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// object stands for a listed object: only whether it has an identity
// matters to listing.
func object(name string) list.ListResult {
	return list.ListResult{DisplayName: name, Identity: &tfsdk.ResourceIdentity{}}
}

// TestListing checks the limit (objects only, not diagnostics), that a
// listing stops reading when Terraform stops, and that diagnostics gathered
// between results go out with the next one or on their own.
func TestListing(t *testing.T) {
	var read []string
	run := func(p *listPusher) {
		p.diags.AddWarning("usage", "nearly spent")
		for _, name := range []string{"a", "b", "c"} {
			read = append(read, name)
			if !p.result(object(name)) {
				return
			}
		}
		p.diags.AddWarning("late", "after the last result")
	}
	collect := func(limit int64, stopAfter int) []list.ListResult {
		read = nil
		var got []list.ListResult
		for r := range listing(limit, run) {
			got = append(got, r)
			if len(got) == stopAfter {
				break
			}
		}
		return got
	}

	all := collect(0, -1)
	if len(all) != 4 || all[0].DisplayName != "a" || !hasWarning(all[0].Diagnostics, "usage") || !hasWarning(all[3].Diagnostics, "late") || all[3].Identity != nil {
		t.Errorf("no limit: got %+v, want a (with the usage warning), b, c, then the late warning alone", all)
	}
	if two := collect(2, -1); len(two) != 2 || len(read) != 2 {
		t.Errorf("limit 2: got %d results after reading %v, want 2 after reading a and b", len(two), read)
	}
	if one := collect(0, 1); len(one) != 1 || len(read) != 1 {
		t.Errorf("stopped after one: got %d results after reading %v, want 1 after reading a", len(one), read)
	}
}

func hasWarning(diags diag.Diagnostics, summary string) bool {
	for _, d := range diags {
		if d.Summary() == summary {
			return true
		}
	}
	return false
}
