/*
 * core/user: who is using clerk, for the audit trail.  The login name comes
 * from the account (getpwuid), else $LOGNAME or $USER; the display name from
 * the setting $CLERK_NAME, else the account's full name (the first field of
 * its GECOS entry).  Nothing here is trusted for security: it records who
 * made a change, as a clerk would sign a paper form.
 */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/core.h"

/* The first comma-separated field of a GECOS entry, or "". */
static char *gecos_name(const char *gecos)
{
	if (!gecos)
		return xstrdup("");
	size_t n = strcspn(gecos, ",");
	return xstrndup(gecos, n);
}

char *user_who(void)
{
	const struct passwd *pw = getpwuid(geteuid());
	const char *login = pw && pw->pw_name ? pw->pw_name : NULL;
	if (!login || !*login)
		login = getenv("LOGNAME");
	if (!login || !*login)
		login = getenv("USER");
	if (!login || !*login)
		login = "unknown";
	const char *setting = getenv("CLERK_NAME");
	char *name = setting && *setting ? xstrdup(setting)
					 : gecos_name(pw ? pw->pw_gecos : NULL);
	char *clean = utf8_sanitize(name);
	free(name);
	char *who = *clean && strcmp(clean, login) != 0
			    ? xasprintf("%s (%s)", login, clean)
			    : xstrdup(login);
	free(clean);
	return who;
}
