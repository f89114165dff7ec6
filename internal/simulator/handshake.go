package simulator

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

const handshakeTimeout = 5 * time.Second

// errNotLoopback keeps the handshake from ever dialling out of the machine.
var errNotLoopback = errors.New("the simulator only contacts loopback callback hosts")

// handshakeClient performs webhook verification requests. It has no proxy,
// follows no redirects, accepts any certificate, and its dialer refuses any
// address that is not loopback, even if a name resolves elsewhere.
var handshakeClient = &http.Client{
	Timeout: handshakeTimeout,
	Transport: &http.Transport{
		Proxy: nil,
		DialContext: (&net.Dialer{
			Timeout: handshakeTimeout,
			Control: func(_, address string, _ syscall.RawConn) error {
				host, _, err := net.SplitHostPort(address)
				if err != nil {
					return err
				}
				if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
					return errNotLoopback
				}
				return nil
			},
		}).DialContext,
		// Loopback test endpoints use self-signed certificates.
		TLSClientConfig:   &tls.Config{InsecureSkipVerify: true},
		DisableKeepAlives: true,
	},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// verifyCallback performs Meta's subscription handshake: a GET with
// hub.mode, hub.challenge and hub.verify_token that must answer 200 with the
// challenge as the body.
func verifyCallback(ctx context.Context, callback, verifyToken, challenge string) error {
	u, err := url.Parse(callback)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("callback_url must be an absolute http or https URL")
	}
	if !isLoopbackHost(u.Hostname()) {
		return fmt.Errorf("host %q is not loopback: %w", u.Hostname(), errNotLoopback)
	}
	q := u.Query()
	q.Set("hub.mode", "subscribe")
	q.Set("hub.challenge", challenge)
	q.Set("hub.verify_token", verifyToken)
	u.RawQuery = q.Encode()

	ctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	resp, err := handshakeClient.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return fmt.Errorf("could not reach the callback: %v", err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("the callback answered HTTP %d, want 200", resp.StatusCode)
	}
	if got := strings.TrimRight(string(body), "\r\n"); got != challenge {
		return fmt.Errorf("the callback answered %q instead of the hub.challenge value", truncate(got, 64))
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
