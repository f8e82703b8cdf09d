/*
 * vtscan: libvterm's parser, followed. See vtscan.h.
 *
 * The states and their edges mirror libvterm 0.3.3's parser.c: an ESC
 * followed by 0x40-0x5f (no intermediates) stands for the C1 control
 * 0x80-0x9f, the only C1 form in UTF-8 mode; inside a string only ESC \
 * does, and an ESC followed by anything else abandons the string and starts
 * an escape sequence. C0 controls are executed inside sequences (ignored in
 * SOS), CAN and SUB abandon them, NUL and DEL are ignored everywhere, BEL
 * ends any string. A byte a CSI cannot hold ends it unexecuted.
 *
 * One difference: libvterm 0.3.3 writes past its array on a CSI of more
 * than 16 parameters (and crashes), so such a CSI never reaches it: what
 * came before the 17th parameter is abandoned with CAN, the rest dropped.
 */
#include "term/vtscan.h"

#include <string.h>

#include "util/utf8.h"

enum {
	S_GROUND,
	S_CSI_LEADER,
	S_CSI_ARGS,
	S_CSI_INTER,
	S_CSI_DROP, /* a CSI with too many parameters, kept from libvterm */
	S_DCS_CMD,  /* not a string yet: an ESC there starts a sequence */
	S_OSC_CMD,  /* the strings from here on */
	S_OSC,
	S_STR, /* DCS body, APC, PM */
	S_SOS,
};
#define IS_STRING(st) ((st) >= S_OSC_CMD)

#define PARAM_MISSING (-1)
#define PARAM_CAP 65535

/* RIS and DECSTR. Double-width rows stay: the reset clears those of the
 * screen shown only. */
static void reset_modes(struct vtscan *s)
{
	s->forgot = 1;
	s->unsafe &= VTSCAN_DWL;
	s->keypad = 0;
	s->appcursor = 0;
	s->tabop = VTSCAN_TAB_RESET;
	vtscan_region_reset(s);
	s->gl = 0;
	memset(s->gset, 1, sizeof s->gset);
	s->single = 0;
}

void vtscan_init(struct vtscan *s, int rows)
{
	memset(s, 0, sizeof *s);
	reset_modes(s);
	s->forgot = 0;
	s->tabop = VTSCAN_TAB_NONE;
	s->rows = rows;
}

void vtscan_region_reset(struct vtscan *s)
{
	s->region_top = 0;
	s->region_end = -1;
}

void vtscan_resize(struct vtscan *s, int rows)
{
	s->rows = rows;
}

static void set_flag(struct vtscan *s, unsigned flag, int on)
{
	if (on)
		s->unsafe |= flag;
	else
		s->unsafe &= ~flag;
}

/* SM/RM and DECSET/DECRST (leader '?'). */
static void modes(struct vtscan *s, int dec, int on)
{
	for (int i = 0; i < s->nparam; i++) {
		int m = s->param[i];

		if (!dec && m == 4)
			set_flag(s, VTSCAN_INSERT, on);
		else if (!dec && m == 20)
			set_flag(s, VTSCAN_NEWLINE, on);
		else if (dec && m == 6)
			set_flag(s, VTSCAN_ORIGIN, on);
		else if (dec && m == 7)
			set_flag(s, VTSCAN_NOWRAP, !on);
		else if (dec && m == 69)
			set_flag(s, VTSCAN_MARGINS, on);
		else if (dec && m == 1)
			s->appcursor = (uint8_t)on;
		else if (dec && m == 1005)
			s->mouse_utf8 = (uint8_t)on;
		else if (dec && m == 1006)
			s->mouse_sgr = (uint8_t)on;
		else if (dec && on && m == 1049)
			s->altsave = 1;
		else if (dec && !on && (m == 1048 || m == 1049))
			s->restored = 1;
		if (dec && (m == 47 || m == 1047 || m == 1049))
			s->altscreen = 1;
	}
}

/* DECSTBM, with libvterm's clamping: is the region the whole screen? One
 * of less than two rows is ignored, as tmux and xterm do (libvterm would
 * reset the region and home the cursor): badregion keeps it from libvterm. */
static void region(struct vtscan *s)
{
	int top = s->nparam > 0 && s->param[0] != PARAM_MISSING ? s->param[0] : 1;
	int bottom = s->nparam > 1 && s->param[1] != PARAM_MISSING ? s->param[1] : -1;

	top = top < 1 ? 0 : top - 1;
	if (top > s->rows)
		top = s->rows;
	if (top == 0 && bottom == s->rows)
		bottom = -1;
	else if (bottom > s->rows)
		bottom = s->rows;
	if ((bottom > -1 ? bottom : s->rows) - top < 2) {
		s->badregion = 1;
		return;
	}
	set_flag(s, VTSCAN_REGION, top != 0 || bottom != -1);
	s->region_top = top;
	s->region_end = bottom;
}

/* TBC: 0 (or none) clears the stop at the cursor, 3 and 5 all of them,
 * others nothing, as libvterm. */
static void tab_clear(struct vtscan *s, int32_t p0)
{
	if (p0 == PARAM_MISSING || p0 == 0)
		s->tabop = VTSCAN_TAB_CLEAR;
	else if (p0 == 3 || p0 == 5)
		s->tabop = VTSCAN_TAB_CLEAR_ALL;
}

/* XTMODKEYS (CSI > Pp ; Pv m), which libvterm ignores: modifyOtherKeys,
 * whether the program wants keys with modifiers as extended keys. As in
 * tmux, Pv 1 or 2 sets it, 0 or none (and CSI > 0 m, CSI > m) resets it,
 * anything else leaves it. */
static void modify_keys(struct vtscan *s)
{
	int32_t pp = s->nparam > 0 ? s->param[0] : PARAM_MISSING;
	int32_t pv = s->nparam > 1 ? s->param[1] : PARAM_MISSING;

	if (pp == PARAM_MISSING || pp == 0 || (pp == 4 && (pv == PARAM_MISSING || pv == 0)))
		s->modkeys = 0;
	else if (pp == 4 && (pv == 1 || pv == 2))
		s->modkeys = (uint8_t)pv;
}

/* A CSI's final byte: libvterm ignores leaders other than one '?' or '>'
 * and more than one intermediate. */
static void csi_done(struct vtscan *s, unsigned char final)
{
	int p0 = s->nparam > 0 ? s->param[0] : PARAM_MISSING;

	if (s->leader == 0xff || s->ninter > 1)
		return;
	if (s->leader == 0 && s->ninter == 0 && final == 'm')
		return; /* SGR: the one CSI that leaves the cursor alone */
	s->touched = 1;
	if (s->ninter == 0 && (final == 'h' || final == 'l') && s->leader != '>')
		modes(s, s->leader == '?', final == 'h');
	else if (s->leader == '>' && s->ninter == 0 && final == 'm')
		modify_keys(s);
	else if (s->leader == 0 && s->ninter == 0 && final == 'r')
		region(s);
	else if (s->leader == 0 && s->ninter == 0 && final == 'g') {
		s->unsafe |= VTSCAN_TABS;
		tab_clear(s, p0);
	} else if (s->leader == 0 && s->ninter == 0 && final == 'u')
		s->restored = 1; /* SCORC */
	else if (s->leader == 0 && s->ninter == 0 && final == 'b')
		s->rep = 1;
	else if (s->leader == 0 && s->ninter == 0 && final == 'J' && p0 == 2)
		s->cleared = 1;
	else if (s->leader == 0 && s->ninter == 1 && s->inter == '"' && final == 'q') {
		if (p0 == PARAM_MISSING || p0 == 0 || p0 == 2)
			s->unsafe &= ~VTSCAN_PROTECT;
		else if (p0 == 1)
			s->unsafe |= VTSCAN_PROTECT;
	} else if (s->leader == 0 && s->ninter == 1 && s->inter == '!' && final == 'p')
		reset_modes(s); /* DECSTR */
}

/* ESC with intermediates or a final byte outside 0x40-0x5f. */
static void esc_done(struct vtscan *s, unsigned char final)
{
	s->touched = 1;
	if (s->ninter == 0) {
		if (final == 'c') {
			reset_modes(s); /* RIS */
			s->modkeys = 0;
			s->ris = 1;
		} else if (final == '8')
			s->restored = 1; /* DECRC */
		else if (final == 'n' || final == 'o')
			s->gl = (uint8_t)(final == 'n' ? 2 : 3);
		else if (final == '=' || final == '>')
			s->keypad = final == '=';
		return;
	}
	if (s->ninter != 1)
		return;
	if (s->inter >= '(' && s->inter <= '+' && (final == '0' || final == 'A' || final == 'B'))
		s->gset[s->inter - '('] = final == 'B';
	else if (s->inter == '#' && final >= '3' && final <= '6' && final != '5')
		s->unsafe |= VTSCAN_DWL, s->dwl = 1;
	else if (s->inter == '#' && final == '8')
		s->forgot = 1; /* DECALN puts glyphs outside libvterm's record */
}

/* A C0 control, or the C1 one an ESC letter stands for. */
static void control(struct vtscan *s, unsigned c)
{
	switch (c) {
	case 0x07:
		return; /* BEL draws nothing */
	case 0x0e:
		s->gl = 1;
		break;
	case 0x0f:
		s->gl = 0;
		break;
	case 0x88: /* HTS */
		s->unsafe |= VTSCAN_TABS;
		s->tabop = VTSCAN_TAB_SET;
		break;
	case 0x8e: /* SS2 */
	case 0x8f: /* SS3 */
		s->single = 1;
		break;
	case 0x9c: /* ST outside a string: nothing */
		return;
	}
	s->touched = 1;
}

static void csi_start(struct vtscan *s)
{
	s->state = S_CSI_LEADER;
	s->leader = 0;
	s->nparam = 0;
	s->ninter = 0;
}

/* ESC + 0x40-0x5f, as a C1 control outside strings. */
static void c1(struct vtscan *s, unsigned c)
{
	switch (c) {
	case 0x90:
		s->state = S_DCS_CMD;
		break;
	case 0x9b:
		csi_start(s);
		break;
	case 0x9d:
		s->state = S_OSC_CMD;
		break;
	case 0x98:
		s->state = S_SOS;
		break;
	case 0x9e:
	case 0x9f:
		s->state = S_STR;
		break;
	default:
		control(s, c);
	}
}

static void csi_param_byte(struct vtscan *s, unsigned c)
{
	int32_t *p;

	if (s->nparam == 0)
		s->param[s->nparam++] = PARAM_MISSING;
	if (c == ';' || c == ':') {
		if (s->nparam < VTSCAN_PARAMS)
			s->param[s->nparam++] = PARAM_MISSING;
		return;
	}
	p = &s->param[s->nparam - 1];
	*p = *p == PARAM_MISSING ? 0 : *p;
	if (*p < PARAM_CAP)
		*p = *p * 10 + (int32_t)(c - '0');
}

/* One byte of a CSI. */
static void csi_byte(struct vtscan *s, unsigned c)
{
	if (s->state == S_CSI_LEADER) {
		if (c >= 0x3c && c <= 0x3f) {
			s->leader = s->leader == 0 && (c == '?' || c == '>') ? (uint8_t)c : 0xff;
			return;
		}
		s->state = S_CSI_ARGS;
	}
	if (s->state == S_CSI_ARGS) {
		if ((c >= '0' && c <= '9') || c == ';' || c == ':') {
			csi_param_byte(s, c);
			return;
		}
		s->state = S_CSI_INTER;
	}
	if (c >= 0x20 && c <= 0x2f) {
		if (s->ninter++ == 0)
			s->inter = (uint8_t)c;
		return;
	}
	if (c >= 0x40 && c <= 0x7e)
		csi_done(s, (unsigned char)c);
	else
		s->touched = 1; /* an invalid CSI ends here, unexecuted */
	s->state = S_GROUND;
}

/* One byte while an ESC is pending outside strings. */
static void esc_byte(struct vtscan *s, unsigned c)
{
	if (c >= 0x20 && c <= 0x2f) {
		if (s->ninter++ == 0)
			s->inter = (uint8_t)c;
	} else if (c >= 0x30 && c < 0x7f) {
		s->in_esc = 0;
		esc_done(s, (unsigned char)c);
	}
	/* anything else: libvterm stays in the escape */
}

static void string_byte(struct vtscan *s, unsigned c, int st)
{
	if (c == 0x07 || st) {
		s->state = S_GROUND;
		s->str_bel = c == 0x07;
		return;
	}
	if (s->state == S_OSC_CMD && !(c >= '0' && c <= '9'))
		s->state = S_OSC;
}

/* Where libvterm would overrun its parameters. */
static int overflows(const struct vtscan *s, unsigned c)
{
	return s->state == S_CSI_ARGS && s->nparam >= VTSCAN_PARAMS && (c == ';' || c == ':');
}

/* The rest of a CSI being dropped: up to its final byte, or a byte no CSI
 * holds. */
static void drop_byte(struct vtscan *s, unsigned c)
{
	if (c == 0x18 || c == 0x1a || c >= 0x40)
		s->state = S_GROUND;
}

/* Follow one byte that is not ground-state text. */
static void step(struct vtscan *s, unsigned c)
{
	int st = 0;

	if (c == 0x00 || c == 0x7f)
		return;
	if (c == 0x18 || c == 0x1a) {
		s->in_esc = 0;
		s->state = S_GROUND;
		return;
	}
	if (c == 0x1b) {
		s->ninter = 0;
		if (!IS_STRING(s->state))
			s->state = S_GROUND;
		s->in_esc = 1;
		return;
	}
	if (c < 0x20 && !(c == 0x07 && IS_STRING(s->state))) {
		if (s->state != S_SOS && s->state != S_CSI_DROP)
			control(s, c);
		return;
	}
	if (s->in_esc) {
		if (s->ninter == 0 && c >= 0x40 && c < 0x60 &&
		    (!IS_STRING(s->state) || c == 0x5c)) {
			c += 0x40;
			s->in_esc = 0;
			st = c == 0x9c;
		} else {
			s->state = S_GROUND;
		}
	}
	if (s->state == S_CSI_DROP)
		drop_byte(s, c);
	else if (s->state == S_DCS_CMD)
		s->state = c >= 0x40 && c <= 0x7e ? S_STR : S_DCS_CMD;
	else if (s->state >= S_CSI_LEADER && s->state <= S_CSI_INTER)
		csi_byte(s, c);
	else if (IS_STRING(s->state))
		string_byte(s, c, st);
	else if (s->in_esc)
		esc_byte(s, c);
	else if (c >= 0x80 && c < 0xa0)
		c1(s, c);
	/* else ground-state text: the callers deal with it */
}

static int in_ground(const struct vtscan *s)
{
	return s->state == S_GROUND && !s->in_esc;
}

int vtscan_ground(const struct vtscan *s)
{
	return in_ground(s);
}

void vtscan_cancelled(struct vtscan *s)
{
	s->state = S_GROUND;
	s->in_esc = 0;
}

int vtscan_plain_char(uint32_t cp)
{
	return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0x2ff) ||
	       (cp >= 0x4e00 && cp <= 0x9fff);
}

/* Text libvterm must not get as it is: U+0080-U+009F would move its cursor
 * left (a width of -1). */
static int c1_text(uint32_t cp)
{
	return cp >= 0x80 && cp < 0xa0;
}

int vtscan_joins(const unsigned char *p, size_t len)
{
	uint32_t cp;

	return len > 0 && p[0] >= 0x80 && !(utf8_take(p, len, &cp) > 0 && vtscan_plain_char(cp));
}

/* Valid characters at p that may join the one before; their length. */
static size_t joining(const unsigned char *p, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	while (i < len && p[i] >= 0x80 && (n = utf8_take(p + i, len - i, &cp)) > 0 &&
	       !vtscan_plain_char(cp) && !c1_text(cp))
		i += (size_t)n;
	return i;
}

/* Ground-state text at buf: one character for libvterm, or the reason it
 * must not have it as it is. */
static size_t text_unit(struct vtscan *s, const unsigned char *buf, size_t len,
			enum vtscan_kind *kind)
{
	uint32_t cp;
	int n = utf8_take(buf, len, &cp);

	if (n != 0)
		s->single = 0; /* libvterm's single shift covers one character */
	if (n > 0 && c1_text(cp)) {
		*kind = VTSCAN_INVALID;
		return (size_t)n;
	}
	if (n > 0) {
		/* libvterm joins combining marks to a character only within
		 * one call: at the last column, one call later it puts them
		 * on the next row */
		*kind = VTSCAN_MOVES;
		return (size_t)n + joining(buf + n, len - (size_t)n);
	}
	*kind = n == 0 ? VTSCAN_PARTIAL : VTSCAN_INVALID;
	return n == 0 ? len : 1;
}

/* libvterm decodes text in calls of 64 code points (the grid gives it a
 * 256-byte scratch buffer); a run ends before this many, where a character
 * cannot join the one before (see text_unit). */
#define RUN_MAX 48

/* Everything up to the next text libvterm must not see as it is. */
static size_t whole_unit(struct vtscan *s, const unsigned char *buf, size_t len)
{
	size_t i = 0;
	int run = 0;

	while (i < len) {
		unsigned c = buf[i];
		uint32_t cp;
		int n;

		if (overflows(s, c))
			break;
		if (!in_ground(s) || c < 0x20 || c == 0x7f) {
			int in_string = IS_STRING(s->state);

			if (c == 0x1b)
				s->esc_at = (int32_t)i;
			step(s, c);
			i++;
			run = 0;
			if (s->restored || s->rep || s->forgot || s->dwl || s->tabop ||
			    s->altsave || s->badregion)
				break;
			if (in_string && in_ground(s))
				break; /* its end is the unit's (str_bel) */
			continue;
		}
		n = utf8_take(buf + i, len - i, &cp);
		if (n <= 0 || c1_text(cp) || (run >= RUN_MAX && i > 0 && vtscan_plain_char(cp)))
			break;
		s->single = 0;
		i += (size_t)n;
		run++;
	}
	return i;
}

/* A CSI being dropped, from its 17th parameter on. */
static size_t drop_unit(struct vtscan *s, const unsigned char *buf, size_t len,
			enum vtscan_kind *kind)
{
	size_t i = 0;

	s->state = S_CSI_DROP;
	while (i < len && s->state == S_CSI_DROP && buf[i] != 0x1b)
		drop_byte(s, buf[i++]);
	*kind = VTSCAN_CANCEL;
	return i;
}

/* The length of a whole SGR at buf in the ground state (ESC [ digits and
 * separators m, libvterm's limit of parameters kept), or 0: most
 * sequences are these, and step() would take them a byte at a time to the
 * same end. */
static size_t sgr_len(const struct vtscan *s, const unsigned char *buf, size_t len)
{
	size_t i = 2;
	int seps = 0;

	if (!in_ground(s) || len < 3 || buf[0] != 0x1b || buf[1] != '[')
		return 0;
	for (; i < len && ((buf[i] >= '0' && buf[i] <= '9') || buf[i] == ';' || buf[i] == ':'); i++)
		seps += buf[i] == ';' || buf[i] == ':';
	return i < len && buf[i] == 'm' && seps < VTSCAN_PARAMS ? i + 1 : 0;
}

size_t vtscan_unit(struct vtscan *s, const unsigned char *buf, size_t len, int whole,
		   enum vtscan_kind *kind)
{
	size_t i = 0, n;
	int started_ground;

	s->esc_at = -1;
	if (s->state == S_CSI_DROP && buf[0] == 0x1b)
		s->state = S_GROUND; /* ESC ends it as it ends any CSI */
	if (s->state == S_CSI_DROP || overflows(s, buf[0]))
		return drop_unit(s, buf, len, kind);
	started_ground = in_ground(s);
	if (started_ground && buf[0] >= 0x20 && buf[0] != 0x7f) {
		if (!whole)
			return text_unit(s, buf, len, kind);
		n = whole_unit(s, buf, len);
		if (n > 0) {
			*kind = VTSCAN_MOVES;
			return n;
		}
		return text_unit(s, buf, len, kind);
	}
	if (whole) {
		*kind = VTSCAN_MOVES;
		return whole_unit(s, buf, len);
	}
	n = sgr_len(s, buf, len);
	if (n > 0) {
		*kind = VTSCAN_NEUTRAL;
		return n;
	}
	/* One control or sequence (or the rest of one). */
	s->touched = 0;
	do {
		if (buf[i] == 0x1b)
			s->esc_at = (int32_t)i;
		step(s, buf[i++]);
	} while (i < len && !in_ground(s) && !overflows(s, buf[i]));
	*kind = started_ground && in_ground(s) && !s->touched ? VTSCAN_NEUTRAL : VTSCAN_MOVES;
	return i;
}
