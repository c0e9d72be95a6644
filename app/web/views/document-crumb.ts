// The document in a breadcrumb: the pages of a project or an indicator sit under their
// strategy or program, opened at the page's year.

export type DocumentRef = { title: string; slug: string };

export function documentRef(doc: { title: string; slug: string }): DocumentRef {
  return { title: doc.title, slug: doc.slug };
}

export function documentCrumb(base: string, doc: DocumentRef, year: number) {
  return { label: doc.title, to: `${base}/dokumenty/${doc.slug}?rok=${year}` };
}
