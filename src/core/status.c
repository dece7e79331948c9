/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core/status: status codes, their exit codes, and the error record. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "clerk/core.h"

const char *clerk_status_text(enum clerk_status status)
{
	switch (status) {
#define STATUS_TEXT(name, code, text) \
	case CLERK_##name:            \
		return text;
		CLERK_STATUS_LIST(STATUS_TEXT)
#undef STATUS_TEXT
	}
	return "unknown status";
}

int clerk_status_exit_code(enum clerk_status status)
{
	switch (status) {
#define STATUS_CODE(name, code, text) \
	case CLERK_##name:            \
		return code;
		CLERK_STATUS_LIST(STATUS_CODE)
#undef STATUS_CODE
	}
	return 4;
}

enum clerk_status clerk_fail(struct clerk_err *err, enum clerk_status status,
			     const char *fmt, ...)
{
	if (err) {
		va_list ap;
		err->status = status;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return status;
}

enum clerk_status clerk_fail_reading(struct clerk_err *err,
				     enum clerk_status rc, const char *what)
{
	if (!err)
		return rc;
	char why[sizeof err->msg];
	snprintf(why, sizeof why, "%s",
		 err->msg[0] ? err->msg : clerk_status_text(rc));
	/* Already "could not read X (REASON)" from the read itself: the
	 * caller's words, which say what the records were for, replace X. */
	static const char lead[] = "could not read ";
	const char *open = strncmp(why, lead, sizeof lead - 1) == 0
				   ? strstr(why + sizeof lead - 1, " (")
				   : NULL;
	size_t n = strlen(why);
	if (open && n > 0 && why[n - 1] == ')') {
		why[n - 1] = '\0';
		memmove(why, open + 2, strlen(open + 2) + 1);
	}
	return clerk_fail(err, rc, "could not read %s (%s)", what, why);
}

void clerk_err_clear(struct clerk_err *err)
{
	if (err) {
		err->status = CLERK_OK;
		err->msg[0] = '\0';
	}
}
