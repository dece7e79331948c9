/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cli_common: what several commands parse alike.  The screens (browse,
 * live, review) take the same terminal options: --script FILE (keys to
 * play instead of the keyboard), --dump DIR (write each screen there),
 * --size COLSxROWS and --term TERM, so they are read here once, and the
 * script and folder are checked before any database is opened.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/cli.h"
#include "clerk/ui.h"

int cli_ui_option(struct cli *cli, int opt, const char *arg,
		  struct ui_options *ui)
{
	switch (opt) {
	case 's':
		/* Checked before the database is opened: a run that cannot
		 * read its keys must not touch the record. */
		if (access(arg, R_OK) != 0) {
			fprintf(cli->err, "clerk: --script %s: %s\n", arg,
				strerror(errno));
			return 2;
		}
		ui->script = arg;
		return 0;
	case 'd': {
		struct stat st;
		if (stat(arg, &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(cli->err, "clerk: --dump %s: no such folder "
					  "(make it first); nothing was run\n",
				arg);
			return 2;
		}
		ui->dump_dir = arg;
		return 0;
	}
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
