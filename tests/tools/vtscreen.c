/*
 * vtscreen: an independent terminal emulator for pmux's integration tests.
 *
 * It is libvterm's VTermScreen (not pmux's own grid code), driven through a
 * small line protocol on stdin/stdout, so that a Python test can feed it
 * every byte an attached `pmux attach` writes to its terminal and then ask
 * what a real terminal would show.
 *
 * Usage: vtscreen [ROWS COLS]        (default 24 80)
 *
 * Commands (one per line on stdin). Every command gets exactly one reply
 * line on stdout, so the caller can run them synchronously:
 *
 *   F <n>\n<n raw bytes>     feed terminal output               -> "ok"
 *   R <rows> <cols>          resize the screen                  -> "ok"
 *   D                        dump the text                      -> JSON
 *        {"rows":R,"cols":C,"lines":["...", ...]}
 *        one string per row, UTF-8; a wide character appears once (its
 *        continuation cell is skipped); an empty cell is a space; trailing
 *        spaces are TRIMMED from every row.
 *   T <top> <left> <h> <w>   text of a rectangle, rows trimmed   -> JSON list
 *        as D, but only columns left..left+w-1 of rows top..top+h-1 (a
 *        continuation cell whose wide character starts left of the
 *        rectangle reads as a space).
 *   A <row>                  cells of one row                   -> JSON list
 *   A                        cells of every row                 -> JSON list of lists
 *        each cell {"ch":"x","width":1|2|0,"fg":F,"bg":B,"bold":0|1,
 *        "italic":0|1,"underline":0..3,"reverse":0|1,"blink":0|1,
 *        "strike":0|1,"conceal":0|1}
 *        ch is "" for an empty cell; width 0 marks the continuation cell of
 *        a wide character (ch ""). F/B are "default", "idx:N" (palette
 *        index 0-255) or "#rrggbb".
 *   C                        cursor                             -> JSON
 *        {"row":r,"col":c,"visible":0|1,"altscreen":0|1,"mouse":M,"bells":N,
 *         "title":"..."}
 *        mouse: the mouse tracking the application asked for, 0 none,
 *        1 clicks (1000), 2 drags (1002), 3 all motion (1003); bells: how
 *        many BEL characters the terminal received; title: the last OSC 0/2
 *   O                        replies the terminal produced       -> hex line
 *        (answers to DA, DSR, DECRQM, DECRQSS ... since the last O), as
 *        lowercase hex, an empty line when there are none. The caller
 *        writes them back to the pty, as a real terminal does.
 *   Q                        quit                               -> "bye"
 *
 * Errors are replied as "error: ..." on one line.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vterm.h>

static VTerm *vt;
static VTermScreen *vs;
static int rows = 24, cols = 80;

static char *outbuf; /* pending replies from the terminal */
static size_t outlen, outcap;

static int cursor_visible = 1;
static int altscreen;
static int mouse; /* VTERM_PROP_MOUSE_*: 0 none, 1 click, 2 drag, 3 move */
static char title[1024];
static int bells; /* BEL characters received */

static void output_cb(const char *s, size_t len, void *user)
{
	if (outlen + len > outcap) {
		size_t n = outcap ? outcap : 256;
		while (n < outlen + len)
			n *= 2;
		outbuf = realloc(outbuf, n);
		if (!outbuf) {
			perror("vtscreen: realloc");
			exit(1);
		}
		outcap = n;
	}
	memcpy(outbuf + outlen, s, len);
	outlen += len;
}

static int settermprop_cb(VTermProp prop, VTermValue *val, void *user)
{
	switch (prop) {
	case VTERM_PROP_CURSORVISIBLE:
		cursor_visible = val->boolean;
		break;
	case VTERM_PROP_ALTSCREEN:
		altscreen = val->boolean;
		break;
	case VTERM_PROP_MOUSE:
		mouse = val->number;
		break;
	case VTERM_PROP_TITLE:
		/* fragments: keep the last complete one simply */
		if (val->string.initial)
			title[0] = '\0';
		{
			size_t have = strlen(title);
			size_t n = val->string.len;
			if (have + n >= sizeof title)
				n = sizeof title - 1 - have;
			memcpy(title + have, val->string.str, n);
			title[have + n] = '\0';
		}
		break;
	default:
		break;
	}
	return 1;
}

static int bell_cb(void *user)
{
	bells++;
	return 1;
}

static const VTermScreenCallbacks screen_cbs = {
	.settermprop = settermprop_cb,
	.bell = bell_cb,
};

/* ---------------------------------------------------------------- output */

static void put_utf8(FILE *f, uint32_t c)
{
	char b[4];
	int n;
	if (c < 0x80) {
		b[0] = c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = 0xc0 | (c >> 6);
		b[1] = 0x80 | (c & 0x3f);
		n = 2;
	} else if (c < 0x10000) {
		b[0] = 0xe0 | (c >> 12);
		b[1] = 0x80 | ((c >> 6) & 0x3f);
		b[2] = 0x80 | (c & 0x3f);
		n = 3;
	} else if (c < 0x110000) {
		b[0] = 0xf0 | (c >> 18);
		b[1] = 0x80 | ((c >> 12) & 0x3f);
		b[2] = 0x80 | ((c >> 6) & 0x3f);
		b[3] = 0x80 | (c & 0x3f);
		n = 4;
	} else {
		return;
	}
	fwrite(b, 1, n, f);
}

/* a character inside a JSON string */
static void put_json_char(FILE *f, uint32_t c)
{
	if (c == '"' || c == '\\')
		fprintf(f, "\\%c", (int)c);
	else if (c < 0x20 || c == 0x7f)
		fprintf(f, "\\u%04x", (unsigned)c);
	else
		put_utf8(f, c);
}

static void put_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = *s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static int is_continuation(const VTermScreenCell *c)
{
	return c->chars[0] == (uint32_t)-1;
}

static void get_cell(int row, int col, VTermScreenCell *c)
{
	memset(c, 0, sizeof *c);
	vterm_screen_get_cell(vs, (VTermPos){.row = row, .col = col}, c);
}

static void put_cell_chars(FILE *f, const VTermScreenCell *c)
{
	if (is_continuation(c))
		return;
	for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c->chars[i]; i++)
		put_json_char(f, c->chars[i]);
}

/* text of columns [left, left+w) of one row, trailing spaces trimmed */
static void put_row_text(FILE *f, int row, int left, int w)
{
	int last = -1; /* last column holding something other than a blank */
	VTermScreenCell c;
	for (int col = left; col < left + w && col < cols; col++) {
		get_cell(row, col, &c);
		if (is_continuation(&c)) {
			if (col == left)
				continue; /* wide char started outside: a space */
			last = col;
		} else if (c.chars[0] && c.chars[0] != ' ') {
			last = col;
		}
	}
	fputc('"', f);
	for (int col = left; col <= last; col++) {
		get_cell(row, col, &c);
		if (is_continuation(&c)) {
			if (col == left)
				fputc(' ', f);
			continue;
		}
		if (!c.chars[0])
			fputc(' ', f);
		else
			put_cell_chars(f, &c);
	}
	fputc('"', f);
}

static void put_color(FILE *f, VTermColor *col, int is_fg)
{
	if (is_fg ? VTERM_COLOR_IS_DEFAULT_FG(col) : VTERM_COLOR_IS_DEFAULT_BG(col))
		fputs("\"default\"", f);
	else if (VTERM_COLOR_IS_INDEXED(col))
		fprintf(f, "\"idx:%u\"", col->indexed.idx);
	else
		fprintf(f, "\"#%02x%02x%02x\"", col->rgb.red, col->rgb.green, col->rgb.blue);
}

static void put_row_cells(FILE *f, int row)
{
	VTermScreenCell c;
	fputc('[', f);
	for (int col = 0; col < cols; col++) {
		get_cell(row, col, &c);
		if (col)
			fputc(',', f);
		int width = is_continuation(&c) ? 0 : c.width;
		fputs("{\"ch\":\"", f);
		put_cell_chars(f, &c);
		fprintf(f, "\",\"width\":%d,\"fg\":", width);
		put_color(f, &c.fg, 1);
		fputs(",\"bg\":", f);
		put_color(f, &c.bg, 0);
		fprintf(f,
			",\"bold\":%d,\"italic\":%d,\"underline\":%d,\"reverse\":%d,"
			"\"blink\":%d,\"strike\":%d,\"conceal\":%d}",
			c.attrs.bold, c.attrs.italic, c.attrs.underline, c.attrs.reverse,
			c.attrs.blink, c.attrs.strike, c.attrs.conceal);
	}
	fputc(']', f);
}

/* ---------------------------------------------------------------- commands */

static int read_line(char *buf, size_t size)
{
	if (!fgets(buf, size, stdin))
		return 0;
	size_t n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return 1;
}

static void reply_error(const char *msg)
{
	printf("error: %s\n", msg);
}

static void cmd_feed(const char *arg)
{
	char *end;
	errno = 0;
	unsigned long n = strtoul(arg, &end, 10);
	if (errno || end == arg) {
		reply_error("F needs a byte count");
		return;
	}
	char buf[65536];
	while (n > 0) {
		size_t want = n < sizeof buf ? n : sizeof buf;
		size_t got = fread(buf, 1, want, stdin);
		if (got == 0) {
			fprintf(stderr, "vtscreen: short feed\n");
			exit(1);
		}
		vterm_input_write(vt, buf, got);
		n -= got;
	}
	vterm_screen_flush_damage(vs);
	puts("ok");
}

static void cmd_resize(const char *arg)
{
	int r, c;
	if (sscanf(arg, "%d %d", &r, &c) != 2 || r < 1 || c < 1 || r > 10000 || c > 10000) {
		reply_error("R needs rows and cols");
		return;
	}
	rows = r;
	cols = c;
	vterm_set_size(vt, rows, cols);
	vterm_screen_flush_damage(vs);
	puts("ok");
}

static void cmd_dump(void)
{
	printf("{\"rows\":%d,\"cols\":%d,\"lines\":[", rows, cols);
	for (int r = 0; r < rows; r++) {
		if (r)
			putchar(',');
		put_row_text(stdout, r, 0, cols);
	}
	puts("]}");
}

static void cmd_rect(const char *arg)
{
	int top, left, h, w;
	if (sscanf(arg, "%d %d %d %d", &top, &left, &h, &w) != 4 || top < 0 || left < 0 || h < 0 ||
	    w < 0) {
		reply_error("T needs top left height width");
		return;
	}
	putchar('[');
	int first = 1;
	for (int r = top; r < top + h && r < rows; r++) {
		if (!first)
			putchar(',');
		first = 0;
		put_row_text(stdout, r, left, w);
	}
	puts("]");
}

static void cmd_attrs(const char *arg)
{
	int row;
	if (arg && sscanf(arg, "%d", &row) == 1) {
		if (row < 0 || row >= rows) {
			reply_error("row out of range");
			return;
		}
		put_row_cells(stdout, row);
		putchar('\n');
		return;
	}
	putchar('[');
	for (int r = 0; r < rows; r++) {
		if (r)
			putchar(',');
		put_row_cells(stdout, r);
	}
	puts("]");
}

static void cmd_cursor(void)
{
	VTermPos pos;
	vterm_state_get_cursorpos(vterm_obtain_state(vt), &pos);
	printf("{\"row\":%d,\"col\":%d,\"visible\":%d,\"altscreen\":%d,\"mouse\":%d,"
	       "\"bells\":%d,\"title\":",
	       pos.row, pos.col, cursor_visible, altscreen, mouse, bells);
	put_json_string(stdout, title);
	puts("}");
}

static void cmd_output(void)
{
	for (size_t i = 0; i < outlen; i++)
		printf("%02x", (unsigned char)outbuf[i]);
	putchar('\n');
	outlen = 0;
}

int main(int argc, char **argv)
{
	if (argc == 3) {
		rows = atoi(argv[1]);
		cols = atoi(argv[2]);
		if (rows < 1 || cols < 1) {
			fprintf(stderr, "usage: vtscreen [ROWS COLS]\n");
			return 2;
		}
	} else if (argc != 1) {
		fprintf(stderr, "usage: vtscreen [ROWS COLS]\n");
		return 2;
	}

	vt = vterm_new(rows, cols);
	if (!vt) {
		fprintf(stderr, "vtscreen: vterm_new failed\n");
		return 1;
	}
	vterm_set_utf8(vt, 1);
	vterm_output_set_callback(vt, output_cb, NULL);
	vs = vterm_obtain_screen(vt);
	vterm_screen_set_callbacks(vs, &screen_cbs, NULL);
	vterm_screen_enable_altscreen(vs, 1);
	vterm_screen_reset(vs, 1);

	char line[256];
	while (read_line(line, sizeof line)) {
		char *arg = line[0] && line[1] == ' ' ? line + 2 : NULL;
		switch (line[0]) {
		case 'F':
			cmd_feed(arg ? arg : "");
			break;
		case 'R':
			cmd_resize(arg ? arg : "");
			break;
		case 'D':
			cmd_dump();
			break;
		case 'T':
			cmd_rect(arg ? arg : "");
			break;
		case 'A':
			cmd_attrs(arg);
			break;
		case 'C':
			cmd_cursor();
			break;
		case 'O':
			cmd_output();
			break;
		case 'Q':
			puts("bye");
			fflush(stdout);
			return 0;
		case '\0':
			continue;
		default:
			reply_error("unknown command");
			break;
		}
		fflush(stdout);
	}
	return 0;
}
