/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/docx: Office Open XML (WordprocessingML), zipped by export/zipw.
 *
 * The package holds the parts Word and LibreOffice need and nothing more:
 * [Content_Types].xml, _rels/.rels, word/document.xml, word/styles.xml,
 * word/numbering.xml (bullets and numbered points), word/_rels/
 * document.xml.rels, word/header1.xml (the confidential marking, on every
 * page of a confidential document), word/footer1.xml (the body, the date,
 * CONFIDENTIAL when it is, and "Page N of M" as fields Word and LibreOffice
 * update) and docProps/core.xml (title, author = the council, language).
 * The council's name heads the document and its title is "Heading1"; every
 * heading under it, minute headings with the minute number and a tab, is
 * "Heading2", so the navigation pane lists them in order; attendance and
 * the notice's fields are real tables, attendance followed by the key to
 * its markers; the lines before the signature are kept on its page.  All text is XML-escaped.  The package is
 * zipped in memory into ctx->out; the driver writes it under a temporary
 * name and renames it into place, as for the other formats.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"
#include "zipw.h"

/* A4 with 2.54 cm margins: the width of the text in twentieths of a
 * point, where right-aligned asides (approximate times) are put. */
#define DOCX_TEXT_WIDTH 9026
#define DOCX_STR(x) #x
#define DOCX_XSTR(x) DOCX_STR(x)

struct docx_state {
	struct strbuf body;
	size_t at;  /* the index of the block being laid out */
	bool keep;  /* its paragraphs are kept with the next (the signature's) */
	int lists; /* numbered lists so far: numIds 2.. are theirs */
	int *starts; /* first number of each numbered list */
};

static void xml_escape(struct strbuf *o, const char *text)
{
	export_escape_markup(o, text, false);
}

/* The markup is put together piece by piece, numbers by put_int: a
 * sb_addf per paragraph, row and cell (its format copied through printf
 * a character at a time) was a third of laying out a meeting's DOCX. */
static void put_int(struct strbuf *o, int v)
{
	char b[16];
	size_t i = sizeof b;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	do
		b[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		b[--i] = '-';
	sb_addn(o, b + i, sizeof b - i);
}

/* attr="N", as in <w:tcW w:w="N" ... */
static void put_val(struct strbuf *o, const char *before, int v,
		    const char *after)
{
	sb_add(o, before);
	put_int(o, v);
	sb_add(o, after);
}

static void docx_run(struct strbuf *o, const char *text, bool bold)
{
	sb_add(o, bold ? "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
		       : "<w:r><w:t xml:space=\"preserve\">");
	xml_escape(o, text);
	sb_add(o, "</w:t></w:r>");
}

/* A whole paragraph of one run in style (NULL: Normal).  A label (bold,
 * or ending with a colon: "RESOLVED:", "Also in attendance:") is kept on
 * the same page as what follows it. */
static void docx_para_keep(struct strbuf *o, const char *style,
			   const char *text, bool bold, bool keep)
{
	size_t len = strlen(text);
	bool label = keep || bold || (len && text[len - 1] == ':');
	sb_add(o, "<w:p>");
	if (style || label) {
		sb_add(o, "<w:pPr>");
		if (style) {
			sb_add(o, "<w:pStyle w:val=\"");
			sb_add(o, style);
			sb_add(o, "\"/>");
		}
		if (label)
			sb_add(o, "<w:keepNext/>");
		sb_add(o, "</w:pPr>");
	}
	docx_run(o, text, bold);
	sb_add(o, "</w:p>\n");
}

static void docx_para(struct strbuf *o, const char *style, const char *text,
		      bool bold)
{
	docx_para_keep(o, style, text, bold, false);
}

static enum clerk_status docx_begin(struct export_ctx *ctx)
{
	struct docx_state *st = xcalloc(1, sizeof *st);
	ctx->state = st;
	sb_add(&st->body,
	       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
	       "wordprocessingml/2006/main\" xmlns:r=\"http://schemas."
	       "openxmlformats.org/officeDocument/2006/relationships\">\n"
	       "<w:body>\n");
	const struct doc *d = ctx->doc;
	if (d->council && *d->council)
		docx_para(&st->body, "Council", d->council, false);
	docx_para(&st->body, "Heading1", d->title ? d->title : "Minutes",
		  false);
	return CLERK_OK;
}

static void docx_minute(struct strbuf *o, const struct doc_block *b)
{
	sb_add(o, "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/>");
	if (*b->aside)
		sb_add(o, "<w:tabs><w:tab w:val=\"right\" w:pos=\"" DOCX_XSTR(
				  DOCX_TEXT_WIDTH) "\"/></w:tabs>");
	sb_add(o, "</w:pPr>");
	if (*b->number) {
		docx_run(o, b->number, true);
		sb_add(o, "<w:r><w:tab/></w:r>");
	}
	docx_run(o, b->text, true);
	if (*b->aside) {
		sb_add(o, "<w:r><w:tab/></w:r>");
		docx_run(o, b->aside, false);
	}
	sb_add(o, "</w:p>\n");
}

static void docx_list(struct docx_state *st, const struct doc_block *b)
{
	int num = 1; /* bullets */
	if (b->kind == DOC_NUMBERED) {
		st->starts = xrealloc(st->starts,
				      (size_t)(st->lists + 1) * sizeof *st->starts);
		int first = b->nrows ? atoi(b->rows[0].label) : 1;
		st->starts[st->lists] = first > 0 ? first : 1;
		num = 2 + st->lists++;
	}
	for (size_t i = 0; i < b->nrows; i++) {
		sb_add(&st->body,
		       "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/>");
		if (st->keep)
			sb_add(&st->body, "<w:keepNext/>");
		put_val(&st->body,
			"<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"", num,
			"\"/></w:numPr></w:pPr>");
		docx_run(&st->body, b->rows[i].text, false);
		sb_add(&st->body, "</w:p>\n");
	}
}

static void docx_cell(struct strbuf *o, int width, int span, const char *text,
		      bool bold)
{
	put_val(o, "<w:tc><w:tcPr><w:tcW w:w=\"", width, "\" w:type=\"dxa\"/>");
	if (span > 1)
		put_val(o, "<w:gridSpan w:val=\"", span, "\"/>");
	sb_add(o, "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>");
	docx_run(o, text, bold);
	sb_add(o, "</w:p></w:tc>");
}

static void docx_table(struct strbuf *o, const struct doc_block *b)
{
	int w1 = b->kind == DOC_ATTENDANCE ? 567 : 2268;
	int w2 = DOCX_TEXT_WIDTH - w1;
	sb_addf(o,
		"<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
		"<w:tblLayout w:type=\"fixed\"/>"
		"<w:tblLook w:val=\"0000\"/></w:tblPr>"
		"<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/>"
		"</w:tblGrid>\n",
		DOCX_TEXT_WIDTH, w1, w2);
	for (size_t i = 0; i < b->nrows; i++) {
		const struct doc_row *r = &b->rows[i];
		sb_add(o, "<w:tr>");
		if (r->caption) {
			docx_cell(o, DOCX_TEXT_WIDTH, 2, r->text, true);
		} else {
			docx_cell(o, w1, 1, r->label, b->kind == DOC_FIELDS);
			docx_cell(o, w2, 1, r->text, false);
		}
		sb_add(o, "</w:tr>\n");
	}
	sb_add(o, "</w:tbl>\n");
	/* Word needs a paragraph between two tables: the key to the markers
	 * is one where there is a key. */
	if (b->kind == DOC_ATTENDANCE && *b->aside)
		docx_para(o, "Key", b->aside, false);
	else
		sb_add(o, "<w:p/>\n");
}

static enum clerk_status docx_block(struct export_ctx *ctx,
				    const struct doc_block *b)
{
	struct docx_state *st = ctx->state;
	struct strbuf *o = &st->body;
	const struct doc *d = ctx->doc;
	size_t at = st->at++;
	/* The block before the signature is kept on its page. */
	st->keep = at + 1 < d->n && d->v[at + 1].kind == DOC_SIGNATURE;
	switch (b->kind) {
	case DOC_HEADING:
		docx_para(o, "Heading2", b->text, false);
		break;
	case DOC_MINUTE:
		docx_minute(o, b);
		break;
	case DOC_PARA:
		docx_para_keep(o, NULL, b->text, b->bold, st->keep);
		break;
	case DOC_BULLETS:
	case DOC_NUMBERED:
		docx_list(st, b);
		break;
	case DOC_ATTENDANCE:
	case DOC_FIELDS:
		docx_table(o, b);
		break;
	case DOC_CONFIDENTIAL:
		docx_para(o, "Confidential", b->text, true);
		break;
	case DOC_SIGNATURE:
		docx_para(o, "Signature", b->text, false);
		break;
	}
	return CLERK_OK;
}

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/"
	"vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/numbering.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
	"<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
	"vnd.openxmlformats-package.core-properties+xml\"/>"
	"</Types>\n";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/officeDocument\" "
	"Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
	"package/2006/relationships/metadata/core-properties\" "
	"Target=\"docProps/core.xml\"/></Relationships>\n";

static const char document_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
	"</Relationships>\n";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char styles_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:styles " W_NS ">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	"<w:sz w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"264\" "
	"w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	"<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
	"<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"120\" w:after=\"240\"/>"
	"<w:outlineLvl w:val=\"0\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
	"<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs>"
	"<w:spacing w:before=\"240\"/><w:ind w:left=\"720\" w:hanging=\"720\"/>"
	"<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Council\">"
	"<w:name w:val=\"Council\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:keepNext/><w:spacing w:after=\"60\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Key\">"
	"<w:name w:val=\"Key\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:before=\"80\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Footer\">"
	"<w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9026\"/></w:tabs>"
	"<w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr>"
	"</w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\">"
	"<w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:after=\"80\"/><w:ind w:left=\"720\"/></w:pPr>"
	"</w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableText\">"
	"<w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:after=\"40\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Signature\">"
	"<w:name w:val=\"Signature\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:before=\"720\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Confidential\">"
	"<w:name w:val=\"Confidential\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:jc w:val=\"center\"/><w:pBdr>"
	"<w:top w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"000000\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"000000\"/>"
	"</w:pBdr></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	"</w:styles>\n";

static char *docx_numbering(const struct docx_state *st)
{
	struct strbuf o = {0};
	sb_add(&o,
	       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	       "<w:numbering " W_NS ">"
	       "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType "
	       "w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	       "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x80\xA2\"/>"
	       "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" "
	       "w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
	       "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType "
	       "w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	       "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
	       "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" "
	       "w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
	       "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
	for (int i = 0; i < st->lists; i++)
		sb_addf(&o,
			"<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"1\"/>"
			"<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"%d\"/>"
			"</w:lvlOverride></w:num>",
			i + 2, st->starts[i]);
	sb_add(&o, "</w:numbering>\n");
	return sb_detach(&o);
}

static char *docx_header(const struct doc *d)
{
	struct strbuf o = {0};
	sb_add(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		   "<w:hdr " W_NS ">");
	if (export_is_confidential(d))
		docx_para(&o, "Confidential", d->confidential, true);
	else
		sb_add(&o, "<w:p/>");
	sb_add(&o, "</w:hdr>\n");
	return sb_detach(&o);
}

/* A field Word and LibreOffice compute when they lay out the page. */
static void docx_field(struct strbuf *o, const char *instr, const char *shown)
{
	sb_addf(o,
		"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText xml:space=\"preserve\"> %s </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		"<w:r><w:t>%s</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
		instr, shown);
}

/* One piece of the page number: text as a literal run (docx_run() would
 * trim the blanks at either end), {page} and {pages} as fields. */
static void docx_page_piece(void *ctx, const char *text, size_t len,
			    int field)
{
	struct strbuf *o = ctx;
	if (field) {
		docx_field(o, field == 1 ? "PAGE" : "NUMPAGES", "1");
		return;
	}
	char *t = xstrndup(text, len);
	size_t lead = strspn(t, " "), n = strlen(t), trail = 0;
	while (trail < n - lead && t[n - 1 - trail] == ' ')
		trail++;
	sb_add(o, "<w:r><w:t xml:space=\"preserve\">");
	for (size_t i = 0; i < lead; i++)
		sb_addc(o, ' ');
	xml_escape(o, t);
	for (size_t i = 0; i < trail && lead < n; i++)
		sb_addc(o, ' ');
	sb_add(o, "</w:t></w:r>");
	free(t);
}

/* Every page's foot: the body and the date, "Page N of M" at the right,
 * and the confidential marking again on a confidential document. */
static char *docx_footer(const struct doc *d)
{
	struct strbuf o = {0};
	sb_add(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		   "<w:ftr " W_NS "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
	char *foot = xasprintf("%s%s%s", d->body ? d->body : "",
			       d->body && d->day ? " \xC2\xB7 " : "",
			       d->day ? d->day : "");
	docx_run(&o, foot, false);
	free(foot);
	sb_add(&o, "<w:r><w:tab/></w:r>");
	/* The page number in the house style's words (page.number). */
	export_page_pieces(d, docx_page_piece, &o);
	sb_add(&o, "</w:p>");
	if (export_is_confidential(d))
		docx_para(&o, "Confidential", d->confidential, true);
	sb_add(&o, "</w:ftr>\n");
	return sb_detach(&o);
}

/* The document's properties: title, author (the council), language. */
static char *docx_core(const struct doc *d)
{
	struct strbuf o = {0};
	sb_add(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		   "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
		   "package/2006/metadata/core-properties\" "
		   "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		   "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
		   "<dc:title>");
	xml_escape(&o, d->title ? d->title : "");
	sb_add(&o, "</dc:title><dc:creator>");
	xml_escape(&o, d->council ? d->council : "");
	sb_add(&o, "</dc:creator><dc:subject>");
	xml_escape(&o, d->body ? d->body : "");
	sb_add(&o, "</dc:subject><dc:language>");
	xml_escape(&o, d->lang ? d->lang : "en-GB");
	sb_add(&o, "</dc:language></cp:coreProperties>\n");
	return sb_detach(&o);
}

/* Every part is stored (zipw.h says why). */
static bool docx_part(struct zipw *z, const char *name, const char *data)
{
	return zipw_add(z, name, data, strlen(data));
}

/* Zip the parts into ctx->out, in memory: the driver writes ctx->out under
 * a temporary name and renames it into place. */
static enum clerk_status docx_zip(struct export_ctx *ctx, const char *document,
				  const char *numbering, const char *header,
				  const char *footer, const char *core)
{
	struct zipw z;
	zipw_init(&z, &ctx->out);
	bool ok = docx_part(&z, "[Content_Types].xml", content_types) &&
		  docx_part(&z, "_rels/.rels", package_rels) &&
		  docx_part(&z, "word/_rels/document.xml.rels", document_rels) &&
		  docx_part(&z, "word/document.xml", document) &&
		  docx_part(&z, "word/styles.xml", styles_xml) &&
		  docx_part(&z, "word/numbering.xml", numbering) &&
		  docx_part(&z, "word/header1.xml", header) &&
		  docx_part(&z, "word/footer1.xml", footer) &&
		  docx_part(&z, "docProps/core.xml", core);
	if (!zipw_finish(&z, ok))
		return clerk_fail(ctx->err, CLERK_IO,
				  "cannot build the DOCX package: the minutes "
				  "are too large for a zip file");
	return CLERK_OK;
}

static enum clerk_status docx_write(struct export_ctx *ctx,
				    struct docx_state *st)
{
	sb_addf(&st->body,
		"<w:sectPr>%s<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
		"<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
		"<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" "
		"w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
		"</w:sectPr>\n</w:body>\n</w:document>\n",
		export_is_confidential(ctx->doc)
			? "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
			: "");
	char *numbering = docx_numbering(st);
	char *header = docx_header(ctx->doc);
	char *footer = docx_footer(ctx->doc);
	char *core = docx_core(ctx->doc);
	enum clerk_status rc = docx_zip(ctx, sb_str(&st->body), numbering,
					header, footer, core);
	free(numbering);
	free(header);
	free(footer);
	free(core);
	return rc;
}

static enum clerk_status docx_end(struct export_ctx *ctx, bool ok)
{
	struct docx_state *st = ctx->state;
	enum clerk_status rc = CLERK_OK;
	if (ok && st)
		rc = docx_write(ctx, st);
	if (st) {
		sb_free(&st->body);
		free(st->starts);
		free(st);
	}
	ctx->state = NULL;
	return rc;
}

const struct export_ops export_docx_ops = {
	.name = "docx",
	.extension = "docx",
	.needs_file = true,
	.begin = docx_begin,
	.block = docx_block,
	.end = docx_end,
};
