/* core/paths: where clerk finds its shared data. */
#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "clerk/core.h"

const char *clerk_share_dir(void)
{
	const char *env = getenv("CLERK_SHARE");
	if (env && *env)
		return env;
	struct stat st;
	if (stat(CLERK_DATADIR "/demo", &st) == 0 && S_ISDIR(st.st_mode))
		return CLERK_DATADIR;
	return CLERK_SRCDIR "/share";
}

char *clerk_share_path(const char *relative)
{
	return xasprintf("%s/%s", clerk_share_dir(), relative);
}
