/* passthru: the clipboard and focus between programs and terminals. */
#include "server/passthru.h"

#include <string.h>

#include "cmd/options.h"
#include "render/tty.h"
#include "server/server.h"
#include "util/buf.h"

int passthru_client_has(const struct peer *c, const char *feature, const char *cap)
{
	struct options *o = c->srv->options;
	const char *term = c->term != NULL ? c->term : "";

	return tty_features_has(options_string(o, "terminal-features"), term, feature) ||
	       tty_features_has(options_string(o, "terminal-overrides"), term, cap);
}

/* OSC 52 setting the clipboard to data, in base64. */
static void osc52(struct buf *b, const char *data, size_t len)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	buf_adds(b, "\033]52;c;");
	for (size_t i = 0; i < len; i += 3) {
		size_t n = len - i < 3 ? len - i : 3;
		uint32_t v = (uint32_t)(unsigned char)data[i] << 16;

		if (n > 1)
			v |= (uint32_t)(unsigned char)data[i + 1] << 8;
		if (n > 2)
			v |= (unsigned char)data[i + 2];
		for (size_t k = 0; k < 4; k++)
			buf_addc(b, k <= n ? b64[(v >> (18 - 6 * k)) & 63] : '=');
	}
	buf_addc(b, '\a');
}

/* Clients whose current window is the pane's. */
static int shows(const struct peer *c, const struct pane *p)
{
	return c->state == PEER_ATTACHED && c->session != NULL && c->session->current == p->window;
}

void passthru_clipboard(struct pane *p, const char *data, size_t len)
{
	struct server *srv = p->srv;
	struct buf b;
	struct peer *c;

	if (strcmp(options_string(srv->options, "set-clipboard"), "on") != 0)
		return;
	buffers_set(&srv->buffers, NULL, data, len);
	buf_init(&b);
	osc52(&b, data, len);
	/* its own message: it moves no cursor and changes no cell */
	for (c = srv->peers; c != NULL; c = c->next) {
		if (shows(c, p) && passthru_client_has(c, "clipboard", "Ms"))
			peer_send(c, MSG_OUTPUT, b.data, b.len);
	}
	buf_free(&b);
}
