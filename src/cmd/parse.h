/* parse: tmux command syntax for config files: words, quotes, escapes,
 * comments and ';' separators. */
#ifndef PMUX_CMD_PARSE_H
#define PMUX_CMD_PARSE_H

/* Split one line into words; a lone ";" word separates commands. Returns 0
 * with a malloc'd NULL-terminated vector, or -1 with *err. */
int parse_words(const char *line, char ***argv, int *argc, char **err);
void parse_free(char **argv, int argc);

#endif
