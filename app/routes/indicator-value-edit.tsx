import { redirect } from "react-router";
import { documentCrumb, documentRef } from "../web/views/document-crumb.ts";
import { institutionLabel } from "../format/names.ts";
import { labelInUnit } from "../format/units.ts";
import { EditPage, errorFor } from "../components/edit-page.tsx";
import type { Route } from "./+types/indicator-value-edit";
import {
  Checkbox,
  NumberField,
  SelectField,
  TextArea,
  TextField,
} from "../components/field/field.tsx";
import { ForbiddenError } from "../domain/errors.ts";
import {
  getIndicatorValue,
  mayEnterValue,
  saveIndicatorValue,
} from "../domain/indicator-values/index.ts";
import { BREAKDOWN_DIMENSIONS, labelOptions } from "../domain/value-labels.ts";
import { listInstitutions } from "../domain/institutions.ts";
import {
  canEditContribution,
  ownInstitution,
  authorize,
  canViewStrategy,
} from "../policies/index.ts";
import { SummaryList } from "../components/summary-list/summary-list.tsx";
import { targetRows } from "../web/views/indicator-target.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, parseVersion } from "../web/forms/action.server.ts";
import { indicatorValueSchema } from "../web/forms/indicator-value.ts";
import { parseYear } from "../web/params.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { toFormNumber } from "../format/polish-numbers.ts";
import { useFormValues } from "../web/hooks/use-form-values.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    const year = parseYear(params.year);
    const view = await getIndicatorValue({
      scope,
      indicatorId: params.indicator,
      year,
      withPrevious: false,
    });
    const own = ownInstitution(scope.actor);
    const known = {
      indicator: view.indicator,
      goalId: view.goal.id,
      value: view.bundle?.value ?? null,
    };
    if (!(await mayEnterValue({ scope, indicatorId: params.indicator, year, known })))
      throw new ForbiddenError();
    const rows = (view.bundle?.contributions ?? [])
      .filter((c) => canEditContribution(scope.actor, { goalId: view.goal.id }, c.institutionId))
      .map((c) => ({
        institutionId: c.institutionId,
        name: c.institutionShort
          ? `${c.institutionShort} — ${c.institutionName}`
          : c.institutionName,
        value: toFormNumber(c.value),
        approximate: c.approximate,
        note: c.note ?? "",
      }));
    // The list of institutions: for the rows a manager may add, or the partner's first report.
    const ownMissing = !!own && !rows.some((r) => r.institutionId === own);
    const institutions = view.canEditValue || ownMissing ? await listInstitutions({ scope }) : [];
    if (own && ownMissing) {
      const inst = institutions.find((i) => i.id === own)!;
      rows.push({ institutionId: own, name: inst.name, value: "", approximate: false, note: "" });
    }
    // A partner's form is checked against its own contribution only (decision 018).
    const ownRow = own ? view.bundle?.contributions.find((c) => c.institutionId === own) : null;
    const contributionVersion = own ? String(ownRow?.version ?? "") : null;
    const used = new Set((view.bundle?.contributions ?? []).map((c) => c.institutionId));
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      document: documentRef(view.document),
      indicator: { id: view.indicator.id, name: view.indicator.name, unit: view.indicator.unit },
      // What the value is measured against, beside the fields (issue 15): baseline and target.
      targets: targetRows(view.indicator, null),
      year,
      canEditValue: view.canEditValue,
      version: view.bundle ? String(view.bundle.value.version) : "",
      contributionVersion,
      total: view.bundle?.complete ? toFormNumber(view.bundle.value.total) : "",
      totalReason: view.bundle?.complete ? (view.bundle.value.totalReason ?? "") : "",
      approximate: view.bundle?.value.approximate ?? false,
      remarks: view.bundle?.complete ? (view.bundle.value.remarks ?? "") : "",
      rows,
      breakdowns: [
        ...(view.bundle?.breakdowns ?? [])
          .filter(() => view.canEditValue)
          .map((b) => ({
            parent: "",
            dimension: b.dimension,
            label: b.label,
            value: toFormNumber(b.value),
          })),
        ...(view.bundle?.contributions ?? [])
          .filter((c) =>
            canEditContribution(scope.actor, { goalId: view.goal.id }, c.institutionId),
          )
          .flatMap((c) =>
            c.breakdowns.map((b) => ({
              parent: c.institutionId,
              dimension: b.dimension,
              label: b.label,
              value: toFormNumber(b.value),
            })),
          ),
      ],
      addable: view.canEditValue
        ? institutions
            .filter((i) => !used.has(i.id))
            .map((i) => ({
              value: i.id,
              label: institutionLabel(i.name, i.shortName),
            }))
        : [],
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // The page-level gate; the domain checks the record's own policy (canEdit…/canView…).
    authorize(canViewStrategy(scope.actor), { hide: true });
    const year = parseYear(params.year);
    return formAction({
      request,
      schema: indicatorValueSchema,
      field: "breakdowns.0.parent",
      extra: { contributionVersion: null as string | null },
      yours: (v, sent) => ({
        total: v.total,
        remarks: sent.values.remarks || null,
        contributions: Object.fromEntries(
          v.contributions.map((c) => [c.institutionId, { value: c.value }]),
        ),
      }),
      names: async () =>
        new Map(
          (await listInstitutions({ scope, archived: "all" })).map((i) => [
            i.id,
            i.shortName ?? i.name,
          ]),
        ),
      onConflict: (e, sent) => ({
        contributionVersion: String(
          (e.current as { contributionVersion?: number | null }).contributionVersion ??
            sent.values.contributionVersion ??
            "",
        ),
      }),
      act: async ({ contributionVersion, ...v }, sent) => {
        await saveIndicatorValue({
          scope,
          indicatorId: params.indicator,
          year,
          expectedVersion: sent.version,
          ...v,
          // Only partners' forms carry it; managers' saves ignore it.
          ...(contributionVersion !== undefined
            ? { expectedContributionVersion: parseVersion(contributionVersion) }
            : {}),
        });
        throw redirect(`/g/${scope.tenant.slug}/wskazniki/${params.indicator}/${year}?zapisano=1`);
      },
    });
  });
}

export default function IndicatorValueEdit({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, indicator, year } = loaderData;
  const base = `/g/${tenant.slug}`;
  const { values, version, submitted } = useFormValues(actionData, { version: loaderData.version });
  const pick = (field: string, fallback: string) => (submitted ? (values[field] ?? "") : fallback);
  const errors = actionData?.errors ?? [];
  const err = errorFor(errors);
  const blank = {
    parent: loaderData.canEditValue ? "" : (loaderData.rows[0]?.institutionId ?? ""),
    dimension: "sex",
    label: "",
    value: "",
  };
  const breakdownRows = [...loaderData.breakdowns, blank, blank];
  const parentOptions = [
    ...(loaderData.canEditValue ? [{ value: "", label: "wartość ogółem" }] : []),
    ...loaderData.rows.map((r) => ({ value: r.institutionId, label: r.name })),
  ];
  return (
    <EditPage
      title={indicator.name}
      documentTitle={`Edycja wartości: ${indicator.name} — ${year}`}
      caption={`Wartości za rok ${year}`}
      breadcrumbs={[
        { label: tenant.name, to: base },
        documentCrumb(base, loaderData.document, year),
        { label: `Wskaźnik — ${year}`, to: `${base}/wskazniki/${indicator.id}/${year}` },
      ]}
      conflict={actionData?.conflict}
      errors={errors}
      csrf={root?.csrf ?? ""}
      version={version}
      cancelTo={`${base}/wskazniki/${indicator.id}/${year}`}
      intro={
        <>
          <p>
            Liczby wpisuj po polsku, np. 1 234,5. Przybliżoną wartość oznacz „ok.”, np. „ok. 600”.
            Zapis nie jest blokowany przez uwagi walidacji.
          </p>
          {loaderData.targets.length > 0 ? <SummaryList rows={loaderData.targets} /> : null}
        </>
      }
    >
      {loaderData.canEditValue ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Wartość ogółem</legend>
          <NumberField
            name="total"
            label={labelInUnit("Wartość wskaźnika", indicator.unit)}
            hint="Zostaw puste, jeśli ma być równa sumie wartości instytucji."
            defaultValue={pick("total", loaderData.total)}
            error={err("total")}
          />
          <TextField
            name="totalReason"
            label="Uzasadnienie, gdy wartość ogółem różni się od sumy instytucji"
            hint="Np. „osoby korzystające z kilku instytucji liczone raz”. Różnica zostanie pokazana jako wyjaśniona."
            defaultValue={pick("totalReason", loaderData.totalReason)}
            error={err("totalReason")}
          />
          <Checkbox
            name="approximate"
            value="tak"
            label="Wartość przybliżona"
            defaultChecked={submitted ? values.approximate === "tak" : loaderData.approximate}
          />
          <TextArea
            name="remarks"
            label="Uwagi"
            defaultValue={pick("remarks", loaderData.remarks)}
            error={err("remarks")}
          />
        </fieldset>
      ) : null}
      {loaderData.contributionVersion !== null ? (
        <input
          type="hidden"
          name="contributionVersion"
          // A form restored after an expired session keeps the version it was based on.
          value={
            actionData?.contributionVersion ??
            (submitted ? values.contributionVersion : undefined) ??
            loaderData.contributionVersion
          }
        />
      ) : null}
      {loaderData.rows.map((row, i) => (
        <fieldset className="fieldset" key={row.institutionId}>
          <legend className="fieldset__legend">{row.name}</legend>
          <input
            type="hidden"
            name={`contributions.${i}.institutionId`}
            value={row.institutionId}
          />
          <NumberField
            name={`contributions.${i}.value`}
            label={labelInUnit("Wartość instytucji", indicator.unit)}
            defaultValue={pick(`contributions.${i}.value`, row.value)}
            error={err(`contributions.${i}.value`)}
          />
          <Checkbox
            name={`contributions.${i}.approximate`}
            value="tak"
            label="Wartość przybliżona"
            defaultChecked={
              submitted ? values[`contributions.${i}.approximate`] === "tak" : row.approximate
            }
          />
          <TextField
            name={`contributions.${i}.note`}
            label="Opis (np. z czego wynika liczba)"
            defaultValue={pick(`contributions.${i}.note`, row.note)}
          />
        </fieldset>
      ))}
      {loaderData.addable.length > 0 ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Dodaj instytucję</legend>
          <SelectField
            name="add.institutionId"
            label="Instytucja"
            placeholder="— nie dodawaj —"
            options={loaderData.addable}
            defaultValue={values["add.institutionId"]}
            error={err("add.institutionId")}
          />
          <NumberField
            name="add.value"
            label={labelInUnit("Wartość", indicator.unit)}
            defaultValue={values["add.value"]}
            error={err("add.value")}
          />
        </fieldset>
      ) : null}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Podziały i „w tym”</legend>
        <p className="hint">
          Np. płeć: K 9, M 15 (części sumują się do całości) albo „w tym” — część wartości, która
          nie jest do niej dodawana. Puste wiersze są pomijane.
        </p>
        {breakdownRows.map((b, i) => (
          <fieldset className="fieldset fieldset--row" key={i}>
            <legend className="fieldset__legend">{`Wiersz podziału ${i + 1}`}</legend>
            <SelectField
              name={`breakdowns.${i}.parent`}
              label="Czego dotyczy"
              options={parentOptions}
              defaultValue={pick(`breakdowns.${i}.parent`, b.parent)}
              error={err(`breakdowns.${i}.parent`)}
            />
            <SelectField
              name={`breakdowns.${i}.dimension`}
              label="Rodzaj podziału"
              options={labelOptions(BREAKDOWN_DIMENSIONS)}
              defaultValue={pick(`breakdowns.${i}.dimension`, b.dimension)}
            />
            <TextField
              name={`breakdowns.${i}.label`}
              label="Kategoria"
              width={20}
              defaultValue={pick(`breakdowns.${i}.label`, b.label)}
              error={err(`breakdowns.${i}.label`)}
            />
            <NumberField
              name={`breakdowns.${i}.value`}
              label={labelInUnit("Wartość", indicator.unit)}
              defaultValue={pick(`breakdowns.${i}.value`, b.value)}
              error={err(`breakdowns.${i}.value`)}
            />
          </fieldset>
        ))}
      </fieldset>
    </EditPage>
  );
}
