/*
 * tests/import/fuzz_import: a fuzzing harness for the importers.
 *
 * LLVMFuzzerTestOneInput hands the bytes to one importer, chosen by the
 * first byte (agenda text, membership CSV, ModernGov XML), on a fresh
 * database in memory-backed temporary storage prepared once.  Built with
 * -fsanitize=fuzzer it is a libFuzzer target; built plainly (make check)
 * its main() replays the files named on the command line, so the corpus
 * in tests/import keeps being exercised.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/import.h"
#include "clerk/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct target {
	struct db *db;
	clerk_id body, meeting;
};

static struct target *target_get(void)
{
	static struct target t;
	if (t.db)
		return &t;
	struct clerk_err err = {0};
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/clerk-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	char *path = xasprintf("%s/f.db", dir);
	if (db_open(path, DB_CREATE, &t.db, &err))
		abort();
	free(path);
	free(dir);
	struct council c = {.name = xstrdup("Council")};
	struct body b = {.name = xstrdup("Board"), .quorum_num = 1,
			 .quorum_den = 4};
	struct meeting m = {.public_present = -1};
	if (council_create(t.db, &c, &err))
		abort();
	snprintf(b.council_id, sizeof b.council_id, "%s", c.id);
	if (body_create(t.db, &b, &err))
		abort();
	snprintf(m.body_id, sizeof m.body_id, "%s", b.id);
	m.starts_at = time_from_local("Europe/London", 2017, 10, 5, 10, 0);
	if (meeting_create(t.db, &m, &err))
		abort();
	snprintf(t.body, sizeof t.body, "%s", b.id);
	snprintf(t.meeting, sizeof t.meeting, "%s", m.id);
	council_free(&c);
	body_free(&b);
	meeting_free(&m);
	return &t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct target *t = target_get();
	struct import_report rep = {0};
	struct clerk_err err = {0};
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;
	switch (data[0] % 3) {
	case 0:
		import_agenda_text(t->db, t->meeting, "fuzz", buf, len, &rep,
				   &err);
		break;
	case 1:
		import_members_csv(t->db, t->body, "2017-10-01", "fuzz", buf,
				   len, &rep, &err);
		break;
	default: {
		struct import_source src = {"fuzz", buf, len};
		import_moderngov(t->db, NULL, &src, 1, &rep, &err);
	}
	}
	import_report_free(&rep);
	return 0;
}

#ifndef CLERK_FUZZING
/* Replay: each file is tried with each importer.  TAP output. */
int main(int argc, char **argv)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		char *buf;
		size_t len;
		struct clerk_err err = {0};
		if (import_read_file(argv[i], &buf, &len, &err)) {
			printf("not ok %d - %s\n", ++n, err.msg);
			continue;
		}
		uint8_t *in = xmalloc(len + 1);
		memcpy(in + 1, buf, len);
		for (uint8_t which = 0; which < 3; which++) {
			in[0] = which;
			LLVMFuzzerTestOneInput(in, len + 1);
			printf("ok %d - %s through importer %d\n", ++n,
			       argv[i], which);
		}
		free(in);
		free(buf);
	}
	printf("1..%d\n", n);
	return 0;
}
#endif
