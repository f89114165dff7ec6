# Runs against graphsim's built-in seed: "Acme Sandbox" (102290129340399)
# starts with nothing subscribed or assigned, and 100000000000101 and
# 100000000000102 are business users of its business.

variables {
  waba_id      = "102290129340399"
  verify_token = "ci-verify-token"
  team = {
    "100000000000101" = ["DEVELOP"]
    "100000000000102" = ["MANAGE_TEMPLATES", "VIEW_TEMPLATES"]
  }
}

run "plan_assigns_everyone" {
  command = plan

  assert {
    condition     = length(whatsapp_assigned_user.team) == 2
    error_message = "Every team member must get an assignment."
  }
}

run "apply_gives_the_tasks" {
  assert {
    condition     = output.team["100000000000102"] == tolist(["MANAGE_TEMPLATES", "VIEW_TEMPLATES"])
    error_message = "Tasks must be applied as given."
  }

  assert {
    condition     = output.callback == "https://hooks.example.com/whatsapp"
    error_message = "The webhooks must go to the module's callback."
  }
}
