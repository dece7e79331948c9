/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/zipw: a zip archive written into memory, for the DOCX package.
 *
 * A DOCX file is a zip of nine small XML parts, written once and never
 * read back by clerk: all it needs of the format is the local headers and
 * the central directory, around members stored as they are (method 0,
 * which every zip reader, Word and LibreOffice read as they read
 * deflate).  Stored, not deflated: deflate at zlib's fastest level cost
 * as much as laying out the whole document (0.7 M instructions for the
 * 44 KB of one meeting's document.xml, issue 17), to make a 50 KB file
 * a 12 KB one.  zlib gives the CRC; this writes the headers around the
 * parts (PKWARE APPNOTE 4.3: no zip64, no encryption, no data
 * descriptors), which is why clerk no longer links a zip library whose
 * start-up (it pulls in OpenSSL) cost every command, not only the Word
 * export, about 2.5 ms.
 */
#ifndef CLERK_EXPORT_ZIPW_H
#define CLERK_EXPORT_ZIPW_H

#include <stdbool.h>
#include <stddef.h>

#include "clerk/core.h"

struct zipw {
	struct strbuf *out; /* the archive so far, from out->s + base */
	size_t base;
	struct strbuf dir;  /* the central directory so far */
	unsigned entries;
};

/* Start an archive at the end of out. */
void zipw_init(struct zipw *z, struct strbuf *out);
/* Add a member called name (UTF-8), stored.  False if the archive would
 * pass 4 GB or 65,535 members; the archive is then unusable and
 * zipw_finish() still frees. */
bool zipw_add(struct zipw *z, const char *name, const void *data, size_t len);
/* Write the central directory and its end record, and free what z holds.
 * Call it once, after every zipw_add() (pass ok=false to only free). */
bool zipw_finish(struct zipw *z, bool ok);

#endif
