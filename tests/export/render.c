/*
 * tests/export/render: the exporters over a hand-built intermediate
 * document — wrapping at 80 columns, escaping hostile text in Markdown and
 * HTML, the confidential marking, a DOCX package with its parts — and the
 * house-style template language.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <cmocka.h>

#include "clerk/export.h"

static void build(struct doc *d, bool confidential)
{
	memset(d, 0, sizeof *d);
	d->title = xstrdup("Minutes <of> the & Board");
	if (confidential)
		d->confidential = xstrdup("CONFIDENTIAL");
	doc_add(d, DOC_PARA,
		"AT A MEETING of the Health and Wellbeing Board of HAMPSHIRE "
		"COUNTY COUNCIL held at Ashburton Hall, Elizabeth II Court, The "
		"Castle, Winchester on Thursday, 29th June, 2017");
	doc_add(d, DOC_HEADING, "PRESENT");
	struct doc_block *t = doc_add(d, DOC_ATTENDANCE, NULL);
	doc_row_add(t, "", "Chairman:")->caption = true;
	doc_row_add(t, "p", "Councillor <script>alert(1)</script> & \"Co\" 'x'");
	doc_row_add(t, "a", "Dr Siân Wyn-Jones (Chair, *Bold* [link](x) `code`)");
	struct doc_block *m = doc_add(d, DOC_MINUTE, "DECLARATIONS OF INTEREST");
	free(m->number);
	m->number = xstrdup("2.");
	doc_add(d, DOC_PARA, "1. not a list # nor a heading")->bold = false;
	doc_add(d, DOC_PARA, "RESOLVED:")->bold = true;
	struct doc_block *n = doc_add(d, DOC_NUMBERED, NULL);
	doc_row_add(n, "1.", "Note the position.");
	doc_row_add(n, "2.", "Confirm £56 million & more.");
	struct doc_block *b = doc_add(d, DOC_BULLETS, NULL);
	doc_row_add(b, "", "- a bullet that starts with a dash");
	doc_add(d, DOC_SIGNATURE, "Chairman,");
}

static char *render(const struct export_ops *ops, const struct doc *d)
{
	char *out = NULL;
	struct clerk_err err = {0};
	assert_int_equal(export_render(ops, d, &out, &err), CLERK_OK);
	assert_non_null(out);
	return out;
}

static void test_text_wraps_at_80(void **state)
{
	(void)state;
	struct doc d;
	build(&d, false);
	char *out = render(&export_text_ops, &d);
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"))
		assert_true(utf8_width(line) <= 80);
	free(out);
	out = render(&export_text_ops, &d);
	assert_non_null(strstr(out, "AT A MEETING of the Health and Wellbeing "
				    "Board of HAMPSHIRE COUNTY COUNCIL held\nat "
				    "Ashburton Hall"));
	assert_non_null(strstr(out, "\nChairman:\np Councillor <script>"));
	assert_non_null(strstr(out, "\n2. DECLARATIONS OF INTEREST\n"));
	assert_non_null(strstr(out, "\n1. Note the position.\n2. Confirm £56"));
	assert_null(strstr(out, "CONFIDENTIAL"));
	free(out);
	doc_free(&d);
}

static void test_markdown_escapes(void **state)
{
	(void)state;
	struct doc d;
	build(&d, false);
	char *out = render(&export_markdown_ops, &d);
	assert_non_null(strstr(out, "\\<script\\>alert(1)\\</script\\>"));
	assert_non_null(strstr(out, "\\*Bold\\* \\[link\\](x) \\`code\\`"));
	assert_non_null(strstr(out, "\n1\\. not a list # nor a heading\n"));
	assert_non_null(strstr(out, "\n2\\. **DECLARATIONS OF INTEREST**\n"));
	assert_non_null(strstr(out, "\n1. Note the position.\n"));
	assert_non_null(strstr(out, "\n- \\- a bullet"));
	assert_non_null(strstr(out, "**RESOLVED:**"));
	free(out);
	doc_free(&d);
}

static void test_html_escapes_everything(void **state)
{
	(void)state;
	struct doc d;
	build(&d, false);
	char *out = render(&export_html_ops, &d);
	assert_null(strstr(out, "<script"));
	assert_non_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; "
				    "&amp; &quot;Co&quot; &#39;x&#39;"));
	assert_non_null(strstr(out, "<title>Minutes &lt;of&gt; the &amp; Board"));
	assert_non_null(strstr(out, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(out, "@media print"));
	assert_non_null(strstr(out, "Siân"));
	assert_non_null(strstr(out, "<table class=\"attendance\">"));
	assert_null(strstr(out, "CONFIDENTIAL"));
	free(out);
	doc_free(&d);
}

static void test_confidential_marks(void **state)
{
	(void)state;
	struct doc d;
	build(&d, true);
	char *out = render(&export_text_ops, &d);
	assert_true(strncmp(out, "*****", 5) == 0);
	assert_non_null(strstr(out, "CONFIDENTIAL"));
	free(out);
	out = render(&export_markdown_ops, &d);
	assert_true(strncmp(out, "> **CONFIDENTIAL**", 18) == 0);
	free(out);
	out = render(&export_html_ops, &d);
	assert_non_null(strstr(out, "<thead><tr><td class=\"confidential-page\">"
				    "CONFIDENTIAL</td></tr></thead>"));
	free(out);
	doc_free(&d);
}

static char *zip_part(const char *path, const char *name)
{
	int zerr = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY, &zerr);
	assert_non_null(za);
	zip_stat_t st;
	char *buf = NULL;
	if (zip_stat(za, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(za, name, 0);
		buf = xcalloc(1, st.size + 1);
		assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
	}
	zip_discard(za);
	return buf;
}

static void test_docx_package(void **state)
{
	(void)state;
	char dir[] = "/tmp/clerk-render-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/m.docx", dir);
	struct doc d;
	build(&d, true);
	struct clerk_err err = {0};
	assert_int_equal(export_write(&export_docx_ops, &d, path, stdout, NULL, &err),
			 CLERK_OK);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char *docxml = zip_part(path, "word/document.xml");
	assert_non_null(docxml);
	assert_non_null(strstr(docxml, "&lt;script&gt;"));
	assert_non_null(strstr(docxml, "<w:tbl>"));
	assert_non_null(strstr(docxml, "w:val=\"Heading2\""));
	assert_non_null(strstr(docxml, "headerReference"));
	char *hdr = zip_part(path, "word/header1.xml");
	assert_non_null(strstr(hdr, "CONFIDENTIAL"));
	for (const char *part = "[Content_Types].xml\0_rels/.rels\0"
				"word/styles.xml\0word/numbering.xml\0";
	     *part; part += strlen(part) + 1) {
		char *p = zip_part(path, part);
		assert_non_null(p);
		free(p);
	}
	/* Standard output refuses a binary format. */
	assert_int_equal(export_write(&export_docx_ops, &d, NULL, stdout, NULL, &err),
			 CLERK_USAGE);
	free(docxml);
	free(hdr);
	doc_free(&d);
	unlink(path);
	rmdir(dir);
	free(path);
}

static void test_style_expand(void **state)
{
	(void)state;
	const struct style_var vars[] = {{"body", "Health and Wellbeing Board"},
					 {"council", "Hampshire County Council"},
					 {"his", "her"}};
	char *s = style_expand("AT A MEETING of the {body} of {COUNCIL}; {His} "
			       "place, {missing}",
			       vars, 3);
	assert_string_equal(s, "AT A MEETING of the Health and Wellbeing Board "
			       "of HAMPSHIRE COUNTY COUNCIL; Her place, "
			       "{missing}");
	free(s);
	/* 29 June 2017, 10:00 in London (BST) is 09:00 UTC. */
	s = style_date("{weekday}, {dayth} {month}, {year} at {hour12}.{minute} "
		       "{ampm}",
		       1498726800, "Europe/London");
	assert_string_equal(s, "Thursday, 29th June, 2017 at 10.00 am");
	free(s);
}

static void test_style_files_load(void **state)
{
	(void)state;
	static const char *const names[] = {"county", "parish"};
	for (size_t i = 0; i < 2; i++) {
		struct style st;
		struct clerk_err err = {0};
		assert_int_equal(style_load(names[i], &st, &err), CLERK_OK);
		assert_non_null(style_get(&st, "opening", NULL));
		assert_non_null(style_get(&st, "resolved", NULL));
		style_free(&st);
	}
	struct style st;
	struct clerk_err err = {0};
	assert_int_equal(style_load("no-such-style", &st, &err), CLERK_NOT_FOUND);
	assert_non_null(strstr(err.msg, "no-such-style"));
}

int main(void)
{
	setenv("CLERK_SHARE", CLERK_SRCDIR "/share", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_wraps_at_80),
		cmocka_unit_test(test_markdown_escapes),
		cmocka_unit_test(test_html_escapes_everything),
		cmocka_unit_test(test_confidential_marks),
		cmocka_unit_test(test_docx_package),
		cmocka_unit_test(test_style_expand),
		cmocka_unit_test(test_style_files_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
