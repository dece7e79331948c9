/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_editor: the console editor's text buffer driven by a stream of
 * keys.  Each input byte picks an operation (type a character or a UTF-8
 * sequence, backspace, delete, kill to end of line, moves by character,
 * word, line and display row, undo, a change of width); bytes after a
 * "type" opcode are inserted raw, so invalid UTF-8 and control characters
 * reach tb_insert.  After every step the buffer must hold valid UTF-8 with
 * the cursor on a character boundary, and its wrapped lines must cover the
 * text in order; any breach aborts (a crash the fuzzer reports).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/editor.h"
#include "fuzz_common.h"

static void check(const struct textbuf *tb, int width)
{
	const char *s = tb_text(tb);
	size_t len = strlen(s);
	if (len != tb->len || tb->cur > len || !utf8_valid(s, len))
		abort();
	if (tb->cur < len && (s[tb->cur] & 0xC0) == 0x80)
		abort(); /* cursor inside a UTF-8 sequence */
	struct tb_line *lines = NULL;
	size_t n = tb_wrap(s, len, width, &lines);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		if (lines[i].start < at || lines[i].end < lines[i].start ||
		    lines[i].end > len)
			abort();
		at = lines[i].end;
	}
	size_t row;
	int col;
	tb_locate(s, lines, n, tb->cur, &row, &col);
	if (row >= n || col < 0)
		abort();
	free(lines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct textbuf tb;
	tb_init(&tb, size && data[0] & 1 ? "Heard that: £2.5m for Ŵyn's café" : NULL);
	tb.single_line = size > 1 && data[1] == 'S';
	int width = 1 + (size > 2 ? data[2] % 120 : 40);
	/* At most 4,096 keys: longer inputs add time, not cases. */
	for (size_t i = 3; i < size && i < 4096; i++) {
		uint8_t op = data[i];
		switch (op % 20) {
		case 0: case 1: case 2: case 3: case 4: { /* type raw bytes */
			size_t k = 1 + op / 20 % 4;
			if (i + k >= size)
				k = size - i - 1;
			char buf[8] = {0};
			memcpy(buf, data + i + 1, k);
			tb_insert(&tb, buf);
			i += k;
			break;
		}
		case 5: tb_insert_cp(&tb, (uint32_t)op * 977u % 0x110000u); break;
		case 6: tb_backspace(&tb); break;
		case 7: tb_delete(&tb); break;
		case 8: tb_kill_line(&tb); break;
		case 9: tb_left(&tb); break;
		case 10: tb_right(&tb); break;
		case 11: tb_word_left(&tb); break;
		case 12: tb_word_right(&tb); break;
		case 13: tb_line_start(&tb); break;
		case 14: tb_line_end(&tb); break;
		case 15: tb_up(&tb, width); break;
		case 16: tb_down(&tb, width); break;
		case 17: tb_undo(&tb); break;
		case 18: op / 20 % 2 ? tb_row_start(&tb, width)
				     : tb_row_end(&tb, width);
			break;
		case 19: width = 1 + op % 120; break;
		}
		check(&tb, width);
	}
	tb_free(&tb);
	return 0;
}
