/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/zipw: a zip archive written into memory (see zipw.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "zipw.h"

#define ZIP_LOCAL_SIG 0x04034b50u
#define ZIP_CENTRAL_SIG 0x02014b50u
#define ZIP_END_SIG 0x06054b50u
#define ZIP_VERSION 10     /* 1.0: stored members only */
#define ZIP_FLAG_UTF8 0x0800 /* names are UTF-8 (general purpose bit 11) */
#define ZIP_STORED 0
/* Every member is dated 1 January 1980, the first DOS date: the same
 * minutes give the same file, whenever they are exported. */
#define ZIP_DOS_TIME 0
#define ZIP_DOS_DATE ((1 << 5) | 1)

static void put16(struct strbuf *sb, unsigned v)
{
	char b[2] = {(char)(v & 0xff), (char)((v >> 8) & 0xff)};
	sb_addn(sb, b, 2);
}

static void put32(struct strbuf *sb, uint32_t v)
{
	put16(sb, v & 0xffff);
	put16(sb, v >> 16);
}

void zipw_init(struct zipw *z, struct strbuf *out)
{
	memset(z, 0, sizeof *z);
	z->out = out;
	z->base = out->len;
}

/* The fields the local header and the central directory share. */
static void put_common(struct strbuf *sb, uint32_t crc, size_t size,
		       size_t name_len)
{
	put16(sb, ZIP_VERSION); /* version needed to extract */
	put16(sb, ZIP_FLAG_UTF8);
	put16(sb, ZIP_STORED);
	put16(sb, ZIP_DOS_TIME);
	put16(sb, ZIP_DOS_DATE);
	put32(sb, crc);
	put32(sb, (uint32_t)size); /* stored: as long packed as whole */
	put32(sb, (uint32_t)size);
	put16(sb, (unsigned)name_len);
	put16(sb, 0); /* extra field length */
}

bool zipw_add(struct zipw *z, const char *name, const void *data, size_t len)
{
	size_t name_len = strlen(name), offset = z->out->len - z->base;
	if (z->entries == 0xffff || name_len > 0xffff || len > UINT32_MAX ||
	    offset > UINT32_MAX)
		return false;
	/* crc32(0, Z_NULL, 0), zlib's initial value, is 0. */
	uint32_t crc = (uint32_t)crc32(0, data, (uInt)len);

	put32(z->out, ZIP_LOCAL_SIG);
	put_common(z->out, crc, len, name_len);
	sb_addn(z->out, name, name_len);
	sb_addn(z->out, data, len);

	put32(&z->dir, ZIP_CENTRAL_SIG);
	put16(&z->dir, ZIP_VERSION); /* version made by: MS-DOS, 1.0 */
	put_common(&z->dir, crc, len, name_len);
	put16(&z->dir, 0); /* comment length */
	put16(&z->dir, 0); /* disk number */
	put16(&z->dir, 0); /* internal attributes */
	put32(&z->dir, 0); /* external attributes */
	put32(&z->dir, (uint32_t)offset);
	sb_addn(&z->dir, name, name_len);
	z->entries++;
	return z->out->len - z->base <= UINT32_MAX;
}

bool zipw_finish(struct zipw *z, bool ok)
{
	size_t dir_offset = z->out->len - z->base, dir_len = z->dir.len;
	ok = ok && dir_offset + dir_len <= UINT32_MAX;
	if (ok) {
		sb_addn(z->out, sb_str(&z->dir), dir_len);
		put32(z->out, ZIP_END_SIG);
		put16(z->out, 0); /* this disk */
		put16(z->out, 0); /* the disk where the directory starts */
		put16(z->out, z->entries); /* members on this disk */
		put16(z->out, z->entries); /* members in all */
		put32(z->out, (uint32_t)dir_len);
		put32(z->out, (uint32_t)dir_offset);
		put16(z->out, 0); /* comment length */
	}
	sb_free(&z->dir);
	return ok;
}
