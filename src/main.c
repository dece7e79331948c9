/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clerk: the program's entry point.  Everything it does lives in cli. */
#include "config.h"

#include "clerk/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
