// Under the title of every page of a published year: which version it is and who published it.
import { formatDate } from "../../domain/format/polish-dates.ts";
import { registerPath } from "./paths.ts";

export type PublicationFactsProps = {
  slug: string;
  versionNumber: number;
  publishedAt: string;
  publishedByName: string;
  producedBy: string;
};

export function PublicationFacts(p: PublicationFactsProps) {
  return (
    <p className="caption">
      Wersja {p.versionNumber} opublikowana {formatDate(p.publishedAt)} przez: {p.publishedByName};
      informację wytworzył: {p.producedBy}. <a href={registerPath(p.slug)}>Rejestr zmian</a>
    </p>
  );
}

/** The facts as plain JSON for a loader. */
export function publicationFactsOf(
  slug: string,
  info: { versionNumber: number; publishedAt: Date; publishedByName: string; producedBy: string },
): PublicationFactsProps {
  return {
    slug,
    versionNumber: info.versionNumber,
    publishedAt: info.publishedAt.toISOString(),
    publishedByName: info.publishedByName,
    producedBy: info.producedBy,
  };
}
