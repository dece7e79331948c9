/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/attendance_csv: who attended each meeting of a body, as CSV
 * (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
 * line break), one row per person per meeting, with a header row.
 */
#include "config.h"

#include <string.h>

#include "clerk/dataexport.h"
#include "clerk/opendata.h"

struct csv_ctx {
	FILE *out;
	char tzbuf[64];
};

static void put_field(FILE *out, const char *v, bool last)
{
	v = v ? v : "";
	if (strpbrk(v, ",\"\r\n")) {
		fputc('"', out);
		for (; *v; v++) {
			if (*v == '"')
				fputc('"', out);
			fputc(*v, out);
		}
		fputc('"', out);
	} else {
		fputs(v, out);
	}
	fputs(last ? "\r\n" : ",", out);
}

static int on_body(void *ctx, const struct od_row *r)
{
	struct csv_ctx *c = ctx;
	snprintf(c->tzbuf, sizeof c->tzbuf, "%s",
		 od_get(r, "tz") ? od_get(r, "tz") : CLERK_DEFAULT_TZ);
	return 0;
}

/* A stored UTC time as a local date (date true) or time of day. */
static void local(const struct csv_ctx *c, const char *utc, bool date,
		  char out[32])
{
	time_t t;
	out[0] = '\0';
	if (!utc || !time_parse_utc(utc, &t))
		return;
	if (date)
		time_format_local(t, c->tzbuf, "%Y-%m-%d", out, 32);
	else
		time_format_local(t, c->tzbuf, "%H:%M", out, 32);
}

static int on_attendance(void *ctx, const struct od_row *r)
{
	struct csv_ctx *c = ctx;
	char date[32], time[32], arrived[32], left[32];
	local(c, od_get(r, "starts_at"), true, date);
	local(c, od_get(r, "starts_at"), false, time);
	local(c, od_get(r, "arrived_at"), false, arrived);
	local(c, od_get(r, "left_at"), false, left);
	FILE *o = c->out;
	put_field(o, date, false);
	put_field(o, time, false);
	put_field(o, od_get(r, "meeting_id"), false);
	put_field(o, od_get(r, "person_name"), false);
	put_field(o, od_get(r, "person_id"), false);
	put_field(o, od_get(r, "status"), false);
	put_field(o, od_get(r, "seat_label"), false);
	put_field(o, od_get(r, "substitute_for_name"), false);
	put_field(o, od_get(r, "capacity"), false);
	put_field(o, od_get(r, "note"), false);
	put_field(o, arrived, false);
	put_field(o, left, true);
	return 0;
}

enum clerk_status dataexport_attendance_csv(struct db *db, const char *body_id,
					    FILE *out, struct clerk_err *err)
{
	struct csv_ctx c = {.out = out};
	snprintf(c.tzbuf, sizeof c.tzbuf, CLERK_DEFAULT_TZ);
	enum clerk_status rc =
		body_id ? opendata_each(db, OD_BODIES, body_id, on_body, &c, err)
			: CLERK_OK;
	if (rc)
		return rc;
	fputs("meeting_date,meeting_time,meeting_id,person,person_id,status,"
	      "seat,substitute_for,capacity,note,arrived,left\r\n",
	      out);
	rc = opendata_each(db, OD_ATTENDANCE, body_id, on_attendance, &c, err);
	if (!rc && ferror(out))
		rc = clerk_fail(err, CLERK_IO, "cannot write the CSV");
	return rc;
}
