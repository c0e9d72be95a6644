// Publishing a document's year to the public portal (decision 030): what will be public, every
// small number of people in card texts to confirm (decision 031), then publish; and the
// register of versions with withdrawal.
import { data, Form, Link, redirect } from "react-router";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/publication";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { Checkbox } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { yearPath } from "../components/public/paths.ts";
import { getDocument, listReportingYears } from "../domain/documents.ts";
import { formatDateTime, formatNumber } from "../format/polish-numbers.ts";
import {
  previewPublication,
  publishYear,
  withdrawPublication,
} from "../domain/publication/publish.ts";
import { listPublications } from "../domain/publication/read.ts";
import { UserInputError } from "../domain/errors.ts";
import { authorize, canPublish } from "../policies/index.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { getServices } from "../services.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { Button } from "../components/button/button.tsx";

const yearParam = z.coerce.number().int().min(1990).max(2200);

async function context(
  request: Request,
  params: Route.LoaderArgs["params"],
  ctx: Route.LoaderArgs["context"],
) {
  const { scope } = await requireTenantScope(request, ctx, params.tenant);
  authorize(canPublish(scope.actor), { hide: true });
  const doc = await getDocument({ scope, idOrSlug: params.document });
  return { scope, doc };
}

export async function loader({ request, params, context: ctx }: Route.LoaderArgs) {
  return run(async () => {
    const { scope, doc } = await context(request, params, ctx);
    // The demo's generated years are never offered: publishYear refuses them (decision 054).
    const years = (await listReportingYears({ scope, documentId: doc.id })).filter(
      (y) => !doc.exampleYears.includes(y),
    );
    const requested = yearParam.safeParse(new URL(request.url).searchParams.get("rok"));
    const year = requested.success ? requested.data : (years[0] ?? doc.periodEnd);
    const minCount = getServices().config.publicMinCount;
    const preview = await previewPublication({ scope, documentId: doc.id, year, minCount });
    const register = await listPublications({ scope, documentId: doc.id });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { slug: doc.slug, title: doc.title },
      year,
      years,
      minCount,
      items: preview.items,
      proseCounts: preview.proseCounts,
      current: preview.current,
      published: new URL(request.url).searchParams.get("opublikowano") === "1",
      register: register.map((p) => ({
        id: p.id,
        year: p.year,
        version: p.versionNumber,
        publishedBy: p.publishedByName,
        publishedAt: formatDateTime(p.publishedAt),
        current: p.current,
        withdrawn: p.withdrawnAt
          ? `${formatDateTime(p.withdrawnAt)} (${p.withdrawnByName}): ${p.withdrawalReason}`
          : null,
      })),
    };
  });
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish"), rok: yearParam }),
  z.object({
    intent: z.literal("withdraw"),
    rok: yearParam,
    publicationId: z.string(),
    reason: z.string().default(""),
  }),
]);

export async function action({ request, params, context: ctx }: Route.ActionArgs) {
  return run(async () => {
    const { scope, doc } = await context(request, params, ctx);
    const form = await request.formData();
    const parsed = actionSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return data(
        { errors: [{ field: "confirm", message: "Nieprawidłowy formularz." }] },
        { status: 400 },
      );
    const back = `/g/${scope.tenant.slug}/dokumenty/${doc.slug}/publikacja?rok=${parsed.data.rok}`;
    try {
      if (parsed.data.intent === "publish") {
        await publishYear({
          scope,
          documentId: doc.id,
          year: parsed.data.rok,
          minCount: getServices().config.publicMinCount,
          confirmedProseCounts: form.getAll("confirm").map(String),
        });
        return redirect(`${back}&opublikowano=1`);
      }
      await withdrawPublication({
        scope,
        publicationId: parsed.data.publicationId,
        reason: parsed.data.reason,
      });
      return redirect(back);
    } catch (error) {
      if (error instanceof UserInputError)
        return data(
          {
            errors: [
              { field: error.field === "reason" ? "reason" : "confirm", message: error.message },
            ],
          },
          { status: 409 },
        );
      throw error;
    }
  });
}

export default function Publication({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  const base = `/g/${d.tenant.slug}`;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`Publikacja ${d.year} r. — ${d.doc.title} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: "Dokumenty", to: `${base}/dokumenty` },
          { label: d.doc.title, to: `${base}/dokumenty/${d.doc.slug}` },
          { label: "Publikacja" },
        ]}
      />
      <PageHeader caption={d.doc.title} title={`Publikacja na stronie publicznej — ${d.year} r.`} />
      <ErrorSummary errors={errors} />
      {d.published ? (
        <p className="notice" role="status">
          Opublikowano.{" "}
          <a href={yearPath(d.tenant.slug, d.doc.slug, d.year)}>Zobacz stronę publiczną</a>.
        </p>
      ) : null}
      {d.years.length > 1 ? (
        <ul className="public-links">
          {d.years.map((y) => (
            <li key={y}>
              <Link to={`?rok=${y}`} aria-current={y === d.year ? "page" : undefined}>
                {y} r.
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Publikacja utrwala obecny stan danych: {formatNumber(d.items)} opublikowanych kart projektów
        i wartości wskaźników. Karty i wartości nieoznaczone jako opublikowane nie trafią na stronę
        publiczną. Późniejsze zmiany będą widoczne publicznie dopiero po ponownej publikacji, jako
        nowa wersja w rejestrze. Liczby osób mniejsze niż {d.minCount} w tabelach są pomijane
        automatycznie.
      </p>
      {d.current ? (
        <p className="notice">
          Obecnie obowiązuje wersja {d.current.versionNumber}.
          {d.current.unchanged
            ? " Dane nie zmieniły się od tej publikacji."
            : " Dane zmieniły się od tej publikacji."}
        </p>
      ) : null}
      <Form method="post">
        <CsrfInput token={root?.csrf ?? ""} />
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="rok" value={d.year} />
        {d.proseCounts.length ? (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">
              Małe liczby osób w tekstach kart — sprawdź każdą przed publikacją
            </legend>
            <p>
              Teksty kart są publikowane tak, jak je napisano. Popraw kartę, jeśli liczba pozwala
              rozpoznać osoby, albo potwierdź, że może zostać opublikowana.
            </p>
            {d.proseCounts.map((c) => (
              <Checkbox
                key={c.key}
                name="confirm"
                idBase={`confirm-${c.key.replace(/[^a-z0-9]/giu, "-")}`}
                value={c.key}
                label={`${c.projectLabel} — ${c.fieldLabel}: „${c.match}”`}
                hint={c.excerpt}
              />
            ))}
          </fieldset>
        ) : (
          <p>W tekstach kart nie ma liczb osób mniejszych niż {d.minCount}.</p>
        )}
        <Button disabled={d.items === 0}>
          {d.current
            ? `Opublikuj ponownie (wersja ${d.register.filter((r) => r.year === d.year).length + 1})`
            : "Opublikuj"}
        </Button>
      </Form>
      <h2>Wersje opublikowane</h2>
      {d.register.length === 0 ? (
        <p>Ten dokument nie był jeszcze publikowany.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="table__caption">Rejestr publikacji dokumentu</caption>
            <thead>
              <tr>
                <th scope="col">Rok</th>
                <th scope="col">Wersja</th>
                <th scope="col">Opublikował</th>
                <th scope="col">Stan</th>
                <th scope="col">Wycofanie</th>
              </tr>
            </thead>
            <tbody>
              {d.register.map((r) => (
                <tr key={r.id}>
                  <td>{r.year}</td>
                  <td>{r.version}</td>
                  <td>
                    {r.publishedBy}, {r.publishedAt}
                  </td>
                  <td>
                    {r.withdrawn
                      ? `wycofana ${r.withdrawn}`
                      : r.current
                        ? "obowiązująca"
                        : "zastąpiona"}
                  </td>
                  <td>
                    {r.withdrawn ? null : (
                      <Form method="post">
                        <CsrfInput token={root?.csrf ?? ""} />
                        <input type="hidden" name="intent" value="withdraw" />
                        <input type="hidden" name="rok" value={r.year} />
                        <input type="hidden" name="publicationId" value={r.id} />
                        <label className="label" htmlFor={`reason-${r.id}`}>
                          Powód wycofania wersji {r.version} ({r.year} r.)
                        </label>
                        <input className="input" id={`reason-${r.id}`} name="reason" type="text" />
                        <Button variant="warning">Wycofaj</Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
