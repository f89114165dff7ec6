package graph

import (
	"context"
	"net/url"
	"sync"
)

// App is a Meta app: the one that owns the access token, or one subscribed
// to a WABA's webhooks.
type App struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Link string `json:"link"`
}

// appCache holds the token's app once resolved; failures are not kept, so a
// later call can try again.
type appCache struct {
	mu  sync.Mutex
	app *App
}

// TokenApp returns the app that owns the access token. When the provider was
// given an app ID it is used as is and no request is made (Name and Link are
// then empty); otherwise GET /app answers once per client.
func (c *Client) TokenApp(ctx context.Context) (App, error) {
	if c.cfg.AppID != "" {
		return App{ID: c.cfg.AppID}, nil
	}
	cache := &c.reads.tokenApp
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.app != nil {
		return *cache.app, nil
	}
	var app App
	if err := c.do(ctx, "GET", "/app", url.Values{"fields": {"id,name,link"}}, nil, &app); err != nil {
		return App{}, err
	}
	if app.ID == "" {
		return App{}, &Error{HTTPStatus: 200, Method: "GET", Path: "/app", Message: "the response named no app id; set the provider's app_id"}
	}
	cache.app = &app
	return app, nil
}
