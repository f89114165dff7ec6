package simulator

import (
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults applied when the seed leaves a setting at zero.
const (
	defaultPageSize     = 25
	defaultMaxPageSize  = 100
	defaultHourlyBudget = 200
)

// config holds the seed's settings; it never changes after New, so it is
// read without locking.
type config struct {
	appSecret       string
	pageSize        int
	maxPageSize     int
	strictLimit     bool
	successAsString bool
	tasksMerge      bool
	hourlyBudget    int
	enforceBudget   bool
}

// Server is the simulator. It is an http.Handler and safe for concurrent
// use.
type Server struct {
	cfg         config
	now         func() time.Time
	clockOffset atomic.Int64 // nanoseconds added to now (see clock.go)

	mu       sync.Mutex // guards st, usage, settings and uploads
	st       *state
	usage    usageTracker
	settings Settings
	uploads  uploadStore

	faultMu sync.Mutex // guards faults and rng
	faults  []*activeFault
	rng     *rand.Rand

	logMu      sync.Mutex // guards log, counts and observer
	log        []Request
	counts     map[string]int
	observer   func(Request)
	traceCount atomic.Uint64
}

// New returns a simulator holding a private copy of seed. Like
// regexp.MustCompile it panics on an invalid seed (see Seed.Validate), a
// programming error in a test; LoadSeed reports the same problems as errors.
func New(seed Seed) *Server {
	if err := seed.Validate(); err != nil {
		panic("simulator: " + err.Error())
	}
	seed = seed.clone()
	cfg := config{
		appSecret:       seed.AppSecret,
		pageSize:        orDefault(seed.PageSize, defaultPageSize),
		maxPageSize:     orDefault(seed.MaxPageSize, defaultMaxPageSize),
		strictLimit:     seed.StrictLimit,
		successAsString: seed.SuccessAsString,
		tasksMerge:      seed.TasksMerge,
		hourlyBudget:    orDefault(seed.HourlyBudget, defaultHourlyBudget),
		enforceBudget:   seed.EnforceBudget,
	}
	settings, _ := seed.settings().normalized()
	return &Server{
		cfg:      cfg,
		now:      time.Now,
		st:       newState(seed),
		usage:    newUsageTracker(),
		settings: settings,
		uploads:  newUploadStore(),
		rng:      rand.New(rand.NewPCG(0x5eed, 0x6a7a)),
		counts:   map[string]int{},
	}
}

func orDefault(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// ServeHTTP serves the versioned Graph API paths and the /_sim/ admin
// endpoints.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/_sim" || strings.HasPrefix(r.URL.Path, "/_sim/") {
		s.serveAdmin(w, r)
		return
	}
	c := newCall(r, traceID(s.traceCount.Add(1)), s.clock())
	s.routePhoneNumberNode(c)
	s.routeTemplateNode(c)
	rec := Request{
		Method:   r.Method,
		Path:     r.URL.Path,
		Template: c.template,
		Query:    redactQuery(r.URL.Query()),
		At:       c.now,
	}
	if f, ok := s.pickFault(c.method, c.bare); ok {
		rec.Fault = f.Kind
		if f.Kind == FaultReset {
			s.record(rec)
			resetConnection(w)
			return
		}
		status, done := s.serveFault(w, c, f)
		if done {
			rec.Status = status
			s.record(rec)
			return
		}
	}
	rec.Status = s.write(w, c, s.handle(w, c))
	s.record(rec)
}

// handle runs the checks Graph applies in order (version, credentials,
// route) and dispatches to the edge handler.
func (s *Server) handle(w http.ResponseWriter, c *call) response {
	if c.version == "" {
		return errorResponse(errUnknownPath(c.r.URL.Path))
	}
	if c.template == tmplUploadSession {
		// The body is the file's bytes, which the handler reads itself.
		c.params = cloneValues(c.r.URL.Query())
	} else {
		params, gerr := readParams(w, c.r)
		if gerr != nil {
			return errorResponse(gerr)
		}
		c.params = params
	}
	if gerr := s.authenticate(c); gerr != nil {
		return errorResponse(gerr)
	}
	resp := s.route(c)
	resp.setHeader("X-App-Usage", s.countAppCall(c.appID, c.now))
	return resp
}

func (s *Server) route(c *call) response {
	switch c.template {
	case tmplApp:
		return s.serveApp(c)
	case tmplWABA, tmplSubscribedApps, tmplAssignedUsers, tmplPhoneNumbers, tmplMessageTemplates:
		return s.serveWABAScoped(c)
	case tmplAppSubscriptions:
		return s.serveAppSubscriptions(c)
	case tmplPhoneNumber:
		return s.servePhoneNumber(c)
	case tmplMessageTemplate:
		return s.serveTemplateNode(c)
	case tmplConversationalAutomation:
		return s.serveConversationalAutomation(c)
	case tmplBusinessProfile:
		return s.serveBusinessProfile(c)
	case tmplUploads, tmplUploadSession:
		return s.serveUploads(c)
	case tmplOwnedWABAs:
		return s.serveOwnedWABAs(c)
	case tmplClientWABAs:
		return s.serveClientWABAs(c)
	case tmplQRCodes, tmplQRCode:
		return s.serveQRCodes(c)
	}
	if len(c.segs) == 1 {
		return errorResponse(errUnknownAlias(c.segs[0]))
	}
	if len(c.segs) == 0 {
		return errorResponse(errUnknownPath("/"))
	}
	return errorResponse(errUnknownPath("/" + strings.Join(c.segs[1:], "/")))
}
