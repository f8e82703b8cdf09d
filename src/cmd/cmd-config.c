/* Commands of the config family (filled in by the work on issues 3 and 4). */
#include "cmd/cmd.h"

const struct cmd_entry cmd_config_entries[] = {
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
