package simulator

// objectType describes an object-valued field: the node type Graph names in
// errors, the sub-fields it has, the ones Graph returns when the field is
// asked for bare, and the types of its own object-valued sub-fields.
type objectType struct {
	node     string
	fields   map[string]bool
	defaults []string // nil: a bare request returns the whole object
	nested   map[string]*objectType
}

var (
	// Seen in a real v25.0 response: asked bare, {"name":...,"status":"APPROVED","type":"SELF"}, no id.
	onBehalfOfBusinessInfo = &objectType{
		node:     "WABAOnBehalfOfComputedInfo",
		fields:   setOf("id", "name", "status", "type"),
		defaults: []string{"name", "status", "type"},
	}
	// Graph's defaults and type name here are undocumented (Meta's SDK types
	// the field as Object). Answering name only, without id, makes a client
	// that needs the ID ask for owner_business_info{id,name}, which is what
	// works on Graph whatever its defaults are.
	ownerBusinessInfo = &objectType{
		node:     "WABAOwnerBusinessInfo",
		fields:   setOf("id", "name"),
		defaults: []string{"name"},
	}
	// Seen on Meta's health-status page: asked bare, can_send_message and every entity in full.
	healthStatus = &objectType{
		node:   "WhatsAppBusinessHealthStatusForMessageSend",
		fields: setOf("can_send_message", "entities"),
		nested: map[string]*objectType{"entities": {
			node:   "WhatsAppBusinessHealthStatus",
			fields: setOf("entity_type", "id", "can_send_message", "can_receive_call_sip", "additional_info", "errors"),
		}},
	}
	// Seen in real phone-number responses: {"level":"NOT_APPLICABLE"}; the type name is undocumented.
	phoneThroughput = &objectType{
		node:   "WhatsAppBusinessPhoneNumberThroughput",
		fields: setOf("level"),
	}
)

// Object-valued fields per node, projected with field expansion.
var (
	wabaObjectFields = map[string]*objectType{
		"on_behalf_of_business_info": onBehalfOfBusinessInfo,
		"owner_business_info":        ownerBusinessInfo,
		"health_status":              healthStatus,
	}
	phoneObjectFields = map[string]*objectType{
		"health_status": healthStatus,
		"throughput":    phoneThroughput,
		// Seen in public client code: {phone_number, whatsapp_business_account, application}.
		"webhook_configuration": webhookConfigurationObject,
		// Seen in public client code: {enable_welcome_message, prompts, commands}.
		"conversational_automation": conversationalAutomationObject,
		// Seen in public client code: {"data":[profile]}, the edge inlined.
		"whatsapp_business_profile": businessProfileObject,
	}
)

// check fails on a sub-field the type does not have, at any depth.
func (t *objectType) check(specs []fieldSpec) *graphError {
	for _, f := range specs {
		if !t.fields[f.name] {
			return errNonexistingField(f.name, t.node)
		}
		if sub := t.nested[f.name]; sub != nil {
			if gerr := sub.check(f.subFields()); gerr != nil {
				return gerr
			}
		}
	}
	return nil
}

// project keeps the asked sub-fields of an object (or of each object of a
// list); asked bare, it keeps Graph's default sub-fields.
func (t *objectType) project(v any, specs []fieldSpec) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = t.project(e, specs)
		}
		return out
	case map[string]any:
		if len(specs) == 0 {
			if t.defaults == nil {
				return x
			}
			specs = make([]fieldSpec, len(t.defaults))
			for i, name := range t.defaults {
				specs[i] = fieldSpec{name: name}
			}
		}
		out := make(map[string]any, len(specs))
		for _, f := range specs {
			val, ok := x[f.name]
			if !ok {
				continue
			}
			if sub := t.nested[f.name]; sub != nil {
				val = sub.project(val, f.subFields())
			}
			out[f.name] = val
		}
		return out
	}
	return v
}
