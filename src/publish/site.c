/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * publish/site: the files of a published site.  Each is compared with what
 * is on disk and written (through outfile) only when it changed, so that a
 * rebuild leaves an unchanged site untouched — its dates too, which is
 * what an upload tool compares.  The site's list of the files it made,
 * .clerk-site, lets a rebuild remove the ones it no longer makes (draft
 * minutes no longer published) without ever touching anyone else's.
 *
 * A changed file is first written into a staging folder inside the site
 * and renamed into place only when every page has been built, so that a
 * run that fails part-way (a damaged table, a full disk) leaves the
 * published site as it was rather than half old and half new.
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
#define STAGING ".clerk-site.new" /* no file of the site starts with '.' */
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

/* Make the folders leading to rel inside the folder top. */
static enum clerk_status make_parents(const char *top, const char *rel,
				      struct clerk_err *err)
{
	if (mkdir(top, 0755) != 0 && errno != EEXIST) {
		char *shown = utf8_sanitize(top);
		enum clerk_status rc = clerk_fail(err, CLERK_IO,
						  "cannot make the folder %s: %s",
						  shown, strerror(errno));
		free(shown);
		return rc;
	}
	for (const char *slash = strchr(rel, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		char *d = xasprintf("%s/%.*s", top, (int)(slash - rel), rel);
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

static void push(char ***v, size_t *n, size_t *cap, const char *rel)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[(*n)++] = xstrdup(rel);
}

/* Whether rel already holds these bytes (stamps aside). */
static bool unchanged(const struct site *s, const char *rel,
		      const char *bytes, size_t len)
{
	char *path = xasprintf("%s/%s", s->dir, rel);
	struct strbuf old = {0};
	bool same = read_whole(path, &old) &&
		    site_same(old.s ? old.s : "", old.len, bytes, len);
	sb_free(&old);
	free(path);
	return same;
}

/* Write rel's bytes into the folder top (the site or its staging). */
static enum clerk_status write_under(const struct site *s, const char *top,
				     const char *rel, const char *bytes,
				     size_t len, struct clerk_err *err)
{
	enum clerk_status rc = make_parents(top, rel, err);
	if (rc)
		return rc;
	char *path = xasprintf("%s/%s", top, rel);
	struct outfile_opts o = {.database = s->database};
	rc = outfile_write(path, &o, bytes, len, err);
	free(path);
	return rc;
}

static char *staging_dir(const struct site *s)
{
	return xasprintf("%s/" STAGING, s->dir);
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
	if (unchanged(s, rel, bytes, len)) {
		s->stats->unchanged++;
	} else {
		char *staging = staging_dir(s);
		enum clerk_status rc = write_under(s, staging, rel, bytes, len,
						   err);
		free(staging);
		if (rc)
			return rc;
		push(&s->staged, &s->nstaged, &s->stcap, rel);
		s->stats->written++;
	}
	push(&s->files, &s->nfiles, &s->cap, rel);
	return CLERK_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool made_now(const struct site *s, const char *rel)
{
	return s->nfiles &&
	       bsearch(&rel, s->files, s->nfiles, sizeof *s->files, cmp_str) !=
	       NULL;
}

/* Remove rel under top and the folders it leaves empty there; true when
 * a file was removed. */
static bool remove_under(const char *top, const char *rel)
{
	char *path = xasprintf("%s/%s", top, rel);
	struct stat st;
	bool removed = lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		       unlink(path) == 0;
	for (char *slash = strrchr(path, '/');
	     slash && slash > path + strlen(top); slash = strrchr(path, '/')) {
		*slash = '\0';
		if (rmdir(path) != 0)
			break;
	}
	free(path);
	return removed;
}

/* Move every staged file into its place in the site; what could not be
 * moved stays staged, and site_free removes it. */
static enum clerk_status move_staged(struct site *s, struct clerk_err *err)
{
	char *staging = staging_dir(s);
	enum clerk_status rc = CLERK_OK;
	size_t i = 0;
	for (; !rc && i < s->nstaged; i++) {
		const char *rel = s->staged[i];
		char *from = xasprintf("%s/%s", staging, rel);
		char *to = xasprintf("%s/%s", s->dir, rel);
		if (!(rc = make_parents(s->dir, rel, err)) &&
		    rename(from, to) != 0) {
			char *shown = utf8_sanitize(to);
			rc = clerk_fail(err, CLERK_IO,
					"cannot put %s in place: %s", shown,
					strerror(errno));
			free(shown);
		}
		if (!rc)
			remove_under(staging, rel); /* its emptied folders */
		free(from);
		free(to);
	}
	/* Those moved are no longer staged. */
	size_t moved = rc ? i - 1 : i;
	if (moved) {
		for (size_t k = 0; k < moved; k++)
			free(s->staged[k]);
		memmove(s->staged, s->staged + moved,
			(s->nstaged - moved) * sizeof *s->staged);
		s->nstaged -= moved;
	}
	rmdir(staging);
	free(staging);
	return rc;
}

enum clerk_status site_finish(struct site *s, struct clerk_err *err)
{
	enum clerk_status rc = move_staged(s, err);
	if (rc)
		return rc;
	if (s->nfiles > 1)
		qsort(s->files, s->nfiles, sizeof *s->files, cmp_str);
	char *mpath = xasprintf("%s/" MANIFEST, s->dir);
	struct strbuf old = {0};
	if (read_whole(mpath, &old) && old.s) {
		for (char *line = old.s, *next; line && *line; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			if (*line != '#' && rel_valid(line) &&
			    !made_now(s, line) && remove_under(s->dir, line))
				s->stats->removed++;
		}
	}
	sb_free(&old);
	free(mpath);
	struct strbuf m = {0};
	sb_add(&m, MANIFEST_HEAD);
	for (size_t i = 0; i < s->nfiles; i++)
		sb_addf(&m, "%s\n", s->files[i]);
	if (!unchanged(s, MANIFEST, m.s, m.len))
		rc = write_under(s, s->dir, MANIFEST, m.s, m.len, err);
	sb_free(&m);
	return rc;
}

void site_free(struct site *s)
{
	/* A run that failed leaves nothing staged behind. */
	if (s->nstaged) {
		char *staging = staging_dir(s);
		for (size_t i = 0; i < s->nstaged; i++)
			remove_under(staging, s->staged[i]);
		rmdir(staging);
		free(staging);
	}
	for (size_t i = 0; i < s->nstaged; i++)
		free(s->staged[i]);
	free(s->staged);
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	free(s->dir);
	memset(s, 0, sizeof *s);
}
