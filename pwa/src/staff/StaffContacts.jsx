// The people who help in my municipality (and national ones), with a way to add and change them.
import { useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { ButtonLink, Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { SCREENING_STATUS } from "./screening.js";

export default function StaffContacts() {
  const { data, error } = useApi("/contacts?limit=200");
  return (
    <Page title={t("People who help")} back="/staff/activities"
      actions={<ButtonLink href="/staff/contacts/new" icon="plus" kind="secondary">{t("New contact")}</ButtonLink>}>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.length === 0 && <Empty>{t("No contacts yet.")}</Empty>}
      <ul class="card-list">
        {(data || []).map((c) => (
          <li key={c.id} class="card" data-contact={c.id}>
            <h2><bdi>{c.name}</bdi></h2>
            <p class="meta">
              <span>{c.kind_label}</span>
              {c.organisation && <span><bdi>{c.organisation}</bdi></span>}
              <span>{c.languages.map(languageName).join(", ")}</span>
            </p>
            {c.screening?.needed && (
              <p data-screening={c.screening.status}>
                <span class="badge badge-bad">{SCREENING_STATUS[c.screening.status]?.()}</span>
              </p>
            )}
            {c.can_edit && <ButtonLink href={`/staff/contacts/${c.id}/edit`} kind="secondary">{t("Edit")}</ButtonLink>}
          </li>
        ))}
      </ul>
    </Page>
  );
}
