/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * publish/site: the files of a published site.  Each is compared with what
 * is on disk and written (through outfile) only when it changed, so that a
 * rebuild leaves an unchanged site untouched — its dates too, which is
 * what an upload tool compares.  The site's list of the files it made,
 * .clerk-site, lets a rebuild remove the ones it no longer makes (draft
 * minutes no longer published) without ever touching anyone else's.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/outfile.h"
#include "publish_private.h"

#define MANIFEST ".clerk-site"
#define MANIFEST_HEAD                                                       \
	"# clerk publish: the files of this site clerk made; a rebuild\n"   \
	"# removes those it no longer makes.  Edit nothing here.\n"

enum clerk_status site_open(struct site *s, const char *dir,
			    const char *database, struct publish_stats *stats,
			    struct clerk_err *err)
{
	memset(s, 0, sizeof *s);
	char *shown = utf8_sanitize(dir);
	struct stat st;
	enum clerk_status rc = CLERK_OK;
	if (!*dir) {
		rc = clerk_fail(err, CLERK_USAGE,
				"name the folder the site goes in");
	} else if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			rc = clerk_fail(err, CLERK_USAGE,
					"%s is not a folder: name a folder for "
					"the site (it is made when missing)",
					shown);
		else if (access(dir, W_OK | X_OK) != 0)
			rc = clerk_fail(err, CLERK_USAGE,
					"cannot write in %s (%s): name a folder "
					"you can write in",
					shown, strerror(errno));
	} else if (errno != ENOENT) {
		rc = clerk_fail(err, CLERK_USAGE, "cannot use %s: %s", shown,
				strerror(errno));
	} else if (mkdir(dir, 0755) != 0) {
		rc = clerk_fail(err, CLERK_USAGE,
				"cannot make the folder %s (%s): make its "
				"parent folder first, or name another",
				shown, strerror(errno));
	}
	free(shown);
	if (rc)
		return rc;
	s->dir = xstrdup(dir);
	s->database = database;
	s->stats = stats;
	return CLERK_OK;
}

/* A path the site may hold: made of what the site's names are made of,
 * never leading out of it. */
static bool rel_valid(const char *rel)
{
	if (!*rel || rel[0] == '/' || rel[0] == '.' || strstr(rel, "..") ||
	    strstr(rel, "//") || strstr(rel, "/."))
		return false;
	for (const char *p = rel; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '.' || *p == '/' || *p == '_'))
			return false;
	return true;
}

/* Make the folders leading to rel. */
static enum clerk_status make_parents(const struct site *s, const char *rel,
				      struct clerk_err *err)
{
	for (const char *slash = strchr(rel, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		char *d = xasprintf("%s/%.*s", s->dir, (int)(slash - rel), rel);
		struct stat st;
		enum clerk_status rc = CLERK_OK;
		if (mkdir(d, 0755) != 0 &&
		    (errno != EEXIST || stat(d, &st) != 0 || !S_ISDIR(st.st_mode))) {
			char *shown = utf8_sanitize(d);
			rc = clerk_fail(err, CLERK_IO,
					"cannot make the folder %s: %s", shown,
					errno == EEXIST ? "a file has its name"
							: strerror(errno));
			free(shown);
		}
		free(d);
		if (rc)
			return rc;
	}
	return CLERK_OK;
}

/* The whole of a regular file, or false (missing, unreadable, not a
 * regular file: then it is written, and outfile decides). */
static bool read_whole(const char *path, struct strbuf *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	char buf[65536];
	while (ok) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			ok = false;
		if (n <= 0)
			break;
		sb_addn(out, buf, (size_t)n);
	}
	close(fd);
	return ok;
}

/* The stamps a rebuild renews without the content changing: an
 * iCalendar's DTSTAMP (when the file was made, RFC 5545) and a PDF's
 * creation date.  Each runs from its marker to its end character. */
static const struct {
	const char *marker;
	char end;
} stamps[] = {
	{"\nDTSTAMP:", '\n'},
	{"/CreationDate (", ')'},
	{"/ModDate (", ')'},
};

/* The length of the stamp starting at p (0: none), marker included; *kind
 * says which. */
static size_t stamp_at(const char *p, size_t left, size_t *kind)
{
	for (size_t i = 0; i < sizeof stamps / sizeof stamps[0]; i++) {
		size_t m = strlen(stamps[i].marker);
		if (left < m || memcmp(p, stamps[i].marker, m) != 0)
			continue;
		const char *e = memchr(p + m, stamps[i].end, left - m);
		if (e && e - p < 80) {
			*kind = i;
			return (size_t)(e - p);
		}
	}
	return 0;
}

bool site_same(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	while (i < alen && j < blen) {
		size_t ka = 0, kb = 1;
		size_t sa = stamp_at(a + i, alen - i, &ka);
		size_t sb = sa ? stamp_at(b + j, blen - j, &kb) : 0;
		if (sa && sb && ka == kb) {
			/* The same kind of stamp in both: its value aside. */
			i += sa;
			j += sb;
			continue;
		}
		if (a[i] != b[j])
			return false;
		i++;
		j++;
	}
	return i == alen && j == blen;
}

static void remember(struct site *s, const char *rel)
{
	if (s->nfiles == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->files = xrealloc(s->files, s->cap * sizeof *s->files);
	}
	s->files[s->nfiles++] = xstrdup(rel);
}

/* Write rel unless it holds these bytes already; *changed says which. */
static enum clerk_status put_file(struct site *s, const char *rel,
				  const char *bytes, size_t len, bool *changed,
				  struct clerk_err *err)
{
	enum clerk_status rc = make_parents(s, rel, err);
	if (rc)
		return rc;
	char *path = xasprintf("%s/%s", s->dir, rel);
	struct strbuf old = {0};
	*changed = !(read_whole(path, &old) &&
		     site_same(old.s ? old.s : "", old.len, bytes, len));
	sb_free(&old);
	if (*changed) {
		struct outfile_opts o = {.database = s->database};
		rc = outfile_write(path, &o, bytes, len, err);
	}
	free(path);
	return rc;
}

enum clerk_status site_put(struct site *s, const char *rel, const char *bytes,
			   size_t len, struct clerk_err *err)
{
	if (!rel_valid(rel))
		return clerk_fail(err, CLERK_INVALID,
				  "internal: the site cannot hold a file named %s",
				  rel);
	for (size_t i = 0; i < s->nfiles; i++)
		if (strcmp(s->files[i], rel) == 0)
			return clerk_fail(err, CLERK_INVALID,
					  "internal: the site made %s twice", rel);
	bool changed;
	enum clerk_status rc = put_file(s, rel, bytes, len, &changed, err);
	if (rc)
		return rc;
	remember(s, rel);
	if (changed)
		s->stats->written++;
	else
		s->stats->unchanged++;
	return CLERK_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool made_now(const struct site *s, const char *rel)
{
	return bsearch(&rel, s->files, s->nfiles, sizeof *s->files, cmp_str) !=
	       NULL;
}

/* Remove rel (a file of an earlier run) and the folders it leaves empty. */
static void remove_old(struct site *s, const char *rel)
{
	char *path = xasprintf("%s/%s", s->dir, rel);
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && unlink(path) == 0)
		s->stats->removed++;
	for (char *slash = strrchr(path, '/');
	     slash && slash > path + strlen(s->dir); slash = strrchr(path, '/')) {
		*slash = '\0';
		if (rmdir(path) != 0)
			break;
	}
	free(path);
}

enum clerk_status site_finish(struct site *s, struct clerk_err *err)
{
	qsort(s->files, s->nfiles, sizeof *s->files, cmp_str);
	char *mpath = xasprintf("%s/" MANIFEST, s->dir);
	struct strbuf old = {0};
	if (read_whole(mpath, &old) && old.s) {
		for (char *line = old.s, *next; line && *line; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			if (*line != '#' && rel_valid(line) && !made_now(s, line))
				remove_old(s, line);
		}
	}
	sb_free(&old);
	free(mpath);
	struct strbuf m = {0};
	sb_add(&m, MANIFEST_HEAD);
	for (size_t i = 0; i < s->nfiles; i++)
		sb_addf(&m, "%s\n", s->files[i]);
	bool changed;
	enum clerk_status rc = put_file(s, MANIFEST, m.s, m.len, &changed, err);
	sb_free(&m);
	return rc;
}

void site_free(struct site *s)
{
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	free(s->dir);
	memset(s, 0, sizeof *s);
}
