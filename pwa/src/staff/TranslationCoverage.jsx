// Can every young person here read what is published? Activities and contacts not yet in the
// languages of this municipality's youth, and human translations the original has outgrown.
import { useState } from "preact/hooks";
import { query, useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { currentUser } from "../lib/session.js";
import { Link } from "../router.js";
import { Empty, ErrorNote, Loading, Page, Section } from "../ui/kit.jsx";
import { MunicipalityField } from "./MunicipalityField.jsx";

const names = (codes) => codes.map((code) => <bdi key={code} lang={code}>{languageName(code)}</bdi>)
  .flatMap((name, i) => (i ? [", ", name] : [name]));

function LanguageLine({ label, codes = [], badge, kind }) {
  if (codes.length === 0) return null;
  return (
    <p class="coverage-line" data-kind={kind} data-languages={codes.join(" ")}>
      <span class={`badge ${badge}`}>{label}</span> {names(codes)}
    </p>
  );
}

function CoverageItem({ item, href }) {
  return (
    <li>
      <Link class="card" href={href} data-item={item.id}>
        <h3><bdi>{item.title}</bdi></h3>
        <LanguageLine kind="missing" label={t("Not translated yet")} codes={item.missing} badge="badge-bad" />
        <LanguageLine kind="outdated" label={t("Out of date")} codes={item.outdated} badge="badge-warn" />
        <LanguageLine kind="machine" label={t("Machine translated")} codes={item.machine} badge="" />
      </Link>
    </li>
  );
}

/** editor(id): where to change an item. */
function ItemList({ title, id, items, editor }) {
  return (
    <Section title={`${title} (${items.length})`} id={id}>
      {items.length === 0
        ? <Empty>{t("Everything here can be read in these languages.")}</Empty>
        : (
          <ul class="card-list">
            {items.map((item) => <CoverageItem key={item.id} item={item} href={editor(item.id)} />)}
          </ul>
        )}
    </Section>
  );
}

/** Admins: how many characters went to the machine translation provider. */
function Usage() {
  const { data } = useApi("/translation/usage");
  if (!data?.provider) return null;
  const thisMonth = data.months[0]?.characters ?? 0;
  return (
    <Section title={t("Machine translation")} id="usage">
      <p data-usage={thisMonth}>
        {t("Characters sent this month: {count}", { count: thisMonth.toLocaleString() })}
      </p>
      <p class="hint">
        {t("Today {count} of at most {limit}.", {
          count: data.today.toLocaleString(), limit: data.daily_limit.toLocaleString() })}
      </p>
    </Section>
  );
}

export default function TranslationCoverage() {
  const isAdmin = currentUser.value?.role === "admin";
  const [municipality, setMunicipality] = useState("");
  const { data, error } = useApi("/translation/coverage" + query({ municipality_id: municipality }));
  return (
    <Page title={t("Translations")} back="/staff/activities">
      <p class="hint">{t("What is not yet readable in the languages of the young people here, and which translations are out of date. Tap one to change it.")}</p>
      {isAdmin && <MunicipalityField value={municipality} onValue={setMunicipality} />}
      {isAdmin && <Usage />}
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <p data-languages={data.languages.join(" ")}>
            {tn("The young people here read {count} language:", "The young people here read {count} languages:",
              data.languages.length)}{" "}{names(data.languages)}
          </p>
          <ItemList title={t("Activities")} id="activities" items={data.activities}
            editor={(id) => `/staff/activities/${id}/edit`} />
          <ItemList title={t("People who help")} id="contacts" items={data.contacts}
            editor={(id) => `/staff/contacts/${id}/edit`} />
        </>
      )}
    </Page>
  );
}
