/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export: minutes and agendas out of clerk, in a council's house style.
 *
 * Exporting is two steps, kept apart so that every format says the same
 * thing:
 *
 *  1. A builder (export_minutes_build, export_agenda_build) reads the model
 *     and a house style (share/styles/NAME.style) and writes an
 *     intermediate document: a flat list of blocks (headings, minute
 *     headings, paragraphs, bullet and numbered lists, an attendance table,
 *     a table of fields, a confidential marker).  All the wording of the
 *     minutes ("The Board heard that:", apologies as sentences, the standard
 *     declarations text) comes from the style file, never from code.  The
 *     builder decides what is public: exempt minutes and the details of
 *     sensitive interests never reach a public document.
 *
 *  2. An exporter (struct export_ops) turns the document into bytes: plain
 *     text wrapped at 80 columns, Markdown, one self-contained HTML file, or
 *     a DOCX package.  Exporters know nothing of meetings; they only lay out
 *     blocks, escaping every piece of text for their format.
 *
 * export_write() runs an exporter and hands the bytes to outfile, which
 * writes a file through a temporary name and rename(), so a reader never
 * sees half a document, and never replaces a device or the database;
 * confidential documents are created with mode 0600.
 */
#ifndef CLERK_EXPORT_H
#define CLERK_EXPORT_H

#include <stdio.h>

#include "clerk/core.h"
#include "clerk/db.h"

/* ------------------------------------------------- intermediate document */

enum doc_kind {
	DOC_HEADING,      /* a section heading: text ("PRESENT", "AGENDA") */
	DOC_MINUTE,       /* a minute or agenda item heading: number ("12."),
			     text (the title, already upper-cased), aside
			     (right-hand note such as an approximate time) */
	DOC_PARA,         /* running text; bold for labels ("RESOLVED:") */
	DOC_BULLETS,      /* rows: text of each bullet */
	DOC_NUMBERED,     /* rows: label ("1.") and text of each point */
	DOC_ATTENDANCE,   /* rows: label = marker ("p"/"a"), text = person;
			     a row with caption set is a group heading
			     ("Chairman:") spanning the table */
	DOC_FIELDS,       /* rows: label ("Place"), text (its value) */
	DOC_CONFIDENTIAL, /* text: the confidential marking; its presence
			     anywhere marks every page of the document */
	DOC_SIGNATURE,    /* text: the signature line ("Chairman, ...") */
};

struct doc_row {
	char *label;  /* "" when none */
	char *text;
	bool caption; /* DOC_ATTENDANCE: a group heading row */
};

struct doc_block {
	enum doc_kind kind;
	char *number; /* DOC_MINUTE: "12.", "222/19", "(26)" */
	char *text;
	char *aside; /* DOC_MINUTE: "10.05" or "" */
	bool bold;   /* DOC_PARA */
	struct doc_row *rows;
	size_t nrows;
};

struct doc {
	char *title;       /* a short title (HTML <title>, DOCX core) */
	char *confidential; /* NULL: public; else the marking to repeat on
			       every page ("CONFIDENTIAL") */
	struct doc_block *v;
	size_t n, cap;
	/* What a paged format prints around the text (the page's heading and
	 * footer, the document's properties), set by the builders from the
	 * current records and not kept in the signed form; NULL when unknown. */
	char *council; /* the council's name: heading and author */
	char *body;    /* the body's name: footer */
	char *day;     /* the meeting's date ("29 June 2017"): footer */
	char *lang;    /* the text's language, BCP 47 ("en-GB") */
	char *page_of; /* each page's number: the house style's page.number
			  ("Page {page} of {pages}") */
	int first_leaf; /* PDF: a minute book's first page number, 0 when
			   the copy is not for the minute book */
};

/* Append a block of kind with text (copied; NULL means ""); returns it so
 * that the caller can set number, aside, bold or add rows. */
struct doc_block *doc_add(struct doc *d, enum doc_kind kind, const char *text);
/* Append a printf-formatted paragraph. */
struct doc_block *doc_addf(struct doc *d, enum doc_kind kind, const char *fmt,
			   ...) __attribute__((format(printf, 3, 4)));
/* Append a row (label and text copied; NULL means "") to block b. */
struct doc_row *doc_row_add(struct doc_block *b, const char *label,
			    const char *text);
/* Release everything the document holds and zero it. */
void doc_free(struct doc *d);
/* The document as text (export/docform.c): the form in which confirmed
 * minutes are kept as signed, from which every format is rendered.
 * Caller frees. */
char *doc_serialize(const struct doc *d);
/* Read a document back from doc_serialize()'s text into *out (freed with
 * doc_free); CLERK_INVALID naming the line when the text is damaged. */
enum clerk_status doc_parse(const char *text, struct doc *out,
			    struct clerk_err *err);

/* ---------------------------------------------------------- house styles */

/* A house style: the wording of minutes and agendas, read from a file of
 * `key = value` lines (see the top of share/styles/county.style). */
struct style {
	char *name;
	char *path;
	char **keys, **values;
	long *lines; /* the line each key is on */
	size_t n;
	/* style_load's hash of the keys (index + 1 in each used slot, cap a
	 * power of two), so that style_get finds a key at once; NULL: look
	 * along the keys. */
	size_t *index, index_cap;
};

/* Load style `name`, a name (letters, digits, '-', '_'; never a path)
 * looked up as NAME.style in $XDG_CONFIG_HOME/clerk/styles (else
 * ~/.config/clerk/styles), then in the system's share/styles.  A file that
 * cannot be read, a malformed line, an unknown key, an unknown {variable}
 * or a missing required key is refused (CLERK_INVALID, CLERK_IO or
 * CLERK_NOT_FOUND) with err naming the file and line. */
enum clerk_status style_load(const char *name, struct style *out,
			     struct clerk_err *err);
/* True when name can name a style (no '/', no dots). */
bool style_name_valid(const char *name);
/* Check every key and {variable} of a loaded style against what clerk
 * knows, and that the keys the minutes need are there (style_keys.c). */
enum clerk_status style_validate(const struct style *s, struct clerk_err *err);
/* The value of key, or def when the style lacks it. */
const char *style_get(const struct style *s, const char *key, const char *def);
void style_free(struct style *s);
/* The sentence of style key `key` as the minutes of body b print it, with
 * {text} replaced by text (may be NULL) and the body's own names ({self},
 * {Self}, {body}, {council}, {chairman} ...) filled in; NULL when the key
 * is empty or missing.  The console shows captures with it, so that what
 * is on screen is what is minuted.  Caller frees. */
struct body;
char *export_style_sentence(const struct style *s, const struct body *b,
			    const char *key, const char *text);

/* One substitution of a template: {name} in the template becomes value. */
struct style_var {
	const char *name;
	const char *value;
};
/* Expand `tmpl`, replacing each {name} with its value from vars (nvars of
 * them).  {NAME} in capitals gives the value upper-cased, {Name} with its
 * first letter capitalised.  An unknown name is kept as written.  Text
 * between [[ and ]] is kept only when every placeholder inside it has a
 * non-empty value ("{name}[[ ({capacity})]]").  Caller frees. */
char *style_expand(const char *tmpl, const struct style_var *vars,
		   size_t nvars);
/* Format t in zone tz with a style date template whose fields are
 * {weekday} {day} {dayth} ("29th") {month} {mon} {year} {hour12}
 * {minute} {ampm} {hh} {mm}. Caller frees. */
char *style_date(const char *tmpl, time_t t, const char *tz);

/* ------------------------------------------------------------- builders */

struct export_opts {
	bool confidential; /* include exempt minutes; mark every page */
	const char *style; /* style name overriding the body's, or NULL */
};

/* Build the minutes of meeting_id as published (or, with confidential, as
 * the confidential record) into *out.  Confirmed minutes come from the text
 * kept when they were signed (the style, names and data as they were then;
 * opts->style is not applied), followed by the corrections recorded since;
 * draft minutes are built from the data in the body's style (or
 * opts->style).  Fills err and returns non-zero when the meeting or its
 * style cannot be read. */
enum clerk_status export_minutes_build(struct db *db, const char *meeting_id,
				       const struct export_opts *opts,
				       struct doc *out, struct clerk_err *err);
/* Confirm meeting_id's minutes at meeting at_id (meeting_confirm: the
 * rules, who presided) and keep them as signed: the public and the
 * confidential record, with the amendment made on confirmation shown on
 * them, in the body's house style, with their SHA-256 digest.  One
 * transaction: on any failure nothing is confirmed. */
enum clerk_status export_confirm_minutes(struct db *db, const char *meeting_id,
					 const char *at_id,
					 const char *amendment,
					 const char *presiding,
					 struct clerk_err *err);
/* Build the notice of meeting and agenda of meeting_id, with approximate
 * timings, into *out. */
enum clerk_status export_agenda_build(struct db *db, const char *meeting_id,
				      const struct export_opts *opts,
				      struct doc *out, struct clerk_err *err);

/* ------------------------------------------------------------ exporters */

/* The state of one export run, passed to each member of export_ops. */
struct export_ctx {
	const struct doc *doc;
	struct strbuf out; /* every format appends its bytes here */
	void *state;       /* the exporter's own, freed by its end() */
	struct clerk_err *err;
};

/* One output format.  The driver calls begin() once, block() for each block
 * in order, then end() once — end() is called even after a failure, so that
 * it can release its state. */
struct export_ops {
	/* Name on the command line ("text", "markdown", "html", "docx"). */
	const char *name;
	/* Usual file extension, without the dot. */
	const char *extension;
	/* True when the format is binary (its bytes in ctx->out may hold
	 * NULs): it is only written to a file, never to standard output or
	 * by export_render(). */
	bool needs_file;
	/* Start the document: write any preamble (HTML head and print
	 * stylesheet, the confidential banner) and set up ctx->state.
	 * Returns CLERK_OK or fills ctx->err. */
	enum clerk_status (*begin)(struct export_ctx *ctx);
	/* Lay out one block, escaping all of its text for the format.
	 * Returns CLERK_OK or fills ctx->err. */
	enum clerk_status (*block)(struct export_ctx *ctx,
				   const struct doc_block *b);
	/* Finish: write the trailer (or, for a binary format, the whole
	 * file), and free ctx->state.  ok is false when an earlier step
	 * failed: then only release.  Returns CLERK_OK or fills ctx->err. */
	enum clerk_status (*end)(struct export_ctx *ctx, bool ok);
};

extern const struct export_ops export_text_ops;
extern const struct export_ops export_markdown_ops;
extern const struct export_ops export_html_ops;
extern const struct export_ops export_docx_ops;
/* PDF (export/pdf.c): rendered by clerk-pdf.so, loaded when first used. */
extern const struct export_ops export_pdf_ops;

/* The number of pages d makes as PDF in *pages (a minute book numbers its
 * pages on from the meetings before).  Returns CLERK_OK or fills err. */
enum clerk_status export_pdf_pages(const struct doc *d, int *pages,
				   struct clerk_err *err);
/* Fill d's council, body, day and lang from meeting_id's records. */
void export_doc_meta(struct db *db, const char *meeting_id, struct doc *d);

/* The exporter called name, or NULL. */
const struct export_ops *export_find(const char *name);
/* Names of all exporters, "text|markdown|html|docx|pdf". */
const char *export_names(void);

/* Render d with ops into a newly allocated string in *out (stream formats
 * only).  Returns CLERK_OK or fills err. */
enum clerk_status export_render(const struct export_ops *ops,
				const struct doc *d, char **out,
				struct clerk_err *err);
/* Render d with ops (any format, binary ones too) into *bytes, *len bytes
 * long (NUL-terminated as well); the caller frees.  Returns CLERK_OK or
 * fills err. */
enum clerk_status export_bytes(const struct export_ops *ops,
			       const struct doc *d, char **bytes, size_t *len,
			       struct clerk_err *err);
/* Render d with ops and write it to path through outfile (see outfile.h):
 * NULL (stream formats only) or "-" is stdout_fp, a device is written in
 * place, a file is replaced whole; database (the open file, or NULL) and
 * its companions are refused.  A confidential document's file is created
 * mode 0600, others 0644 (less the umask). */
enum clerk_status export_write(const struct export_ops *ops,
			       const struct doc *d, const char *path,
			       FILE *stdout_fp, const char *database,
			       struct clerk_err *err);

/* Wrap text (UTF-8) at width display columns into out, each line starting
 * with first (the first line) or rest (the others); lines end with '\n'. */
void export_wrap(struct strbuf *out, const char *text, int width,
		 const char *first, const char *rest);

#endif
