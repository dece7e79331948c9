/*
 * cli/cmd_help: `clerk help [COMMAND]` is `clerk --help` (or `clerk COMMAND
 * --help`); `clerk help --man` prints the man page's synopsis lines and
 * `clerk help --complete N WORD...` answers the shell completion scripts,
 * all from the one table of commands.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "help.h"

#define HELP_USAGE "help [COMMAND | --man | --complete N WORD...]"

int cmd_help(struct cli *cli, int argc, char **argv)
{
	if (argc == 1) {
		cli_print_help(cli->out);
		return 0;
	}
	if (strcmp(argv[1], "--man") == 0 && argc == 2) {
		cli_print_man_synopsis(cli->out);
		return 0;
	}
	if (strcmp(argv[1], "--complete") == 0 && argc >= 3) {
		char *end;
		long index = strtol(argv[2], &end, 10);
		if (*end || index < 0 || index > argc - 3)
			return cli_usage(cli, HELP_USAGE);
		return cli_complete(cli, (int)index, argc - 3, argv + 3);
	}
	const struct cli_fact *cmd = cli_find_command(argv[1]);
	if (argc != 2 || !cmd) {
		if (argc == 2 && argv[1][0] != '-')
			fprintf(cli->err, "clerk: no command '%s'. Try 'clerk "
					  "--help'.\n", argv[1]);
		else
			cli_usage(cli, HELP_USAGE);
		return 2;
	}
	cli_print_command_help(cli->out, cmd);
	return 0;
}
