/*
 * cli/cli_common: what several commands parse alike.  The screens (browse,
 * live, review) take the same terminal options: --script FILE (keys to
 * play instead of the keyboard), --dump DIR (write each screen there),
 * --size COLSxROWS and --term TERM, so they are read here once.
 */
#include "config.h"

#include <stdio.h>

#include "clerk/cli.h"
#include "clerk/ui.h"

int cli_ui_option(struct cli *cli, int opt, const char *arg,
		  struct ui_options *ui)
{
	switch (opt) {
	case 's':
		ui->script = arg;
		return 0;
	case 'd':
		ui->dump_dir = arg;
		return 0;
	case 't':
		ui->term = arg;
		return 0;
	case 'z':
		if (sscanf(arg, "%dx%d", &ui->cols, &ui->rows) != 2 ||
		    ui->cols < 1 || ui->rows < 1) {
			fprintf(cli->err, "clerk: --size wants COLSxROWS (e.g. "
					  "80x24), not '%s'\n",
				arg);
			return 2;
		}
		return 0;
	default:
		return -1;
	}
}
