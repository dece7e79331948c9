/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core/paths: where clerk finds its shared data (styles, the demo board). */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/core.h"

/* True when the running program is one built in this build tree (clerk
 * itself or a test program), not an installed copy.  Only such a program
 * may read the source tree's share/: an installed clerk that fell back to
 * it would silently use whatever a clone happens to hold. */
static int running_from_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return 0;
	exe[n] = '\0';
	size_t len = strlen(CLERK_BUILDDIR);
	return strncmp(exe, CLERK_BUILDDIR, len) == 0 && exe[len] == '/';
}

bool clerk_in_build_tree(void)
{
	static int in_build_tree = -1;
	if (in_build_tree < 0)
		in_build_tree = running_from_build_tree();
	return in_build_tree == 1;
}

const char *clerk_share_dir(void)
{
	const char *env = getenv("CLERK_SHARE");
	if (env && *env)
		return env;
	return clerk_in_build_tree() ? CLERK_SRCDIR "/share" : CLERK_DATADIR;
}

char *clerk_share_path(const char *relative)
{
	return xasprintf("%s/%s", clerk_share_dir(), relative);
}
