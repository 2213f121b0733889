// The people who help in my municipality (and national ones), with a way to add and change them.
// A page at a time ("Show more"), with a search on name and organisation.
import { useState } from "preact/hooks";
import { query } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { usePages } from "../lib/pages.js";
import { Button, ButtonLink, Empty, ErrorNote, Loading, Page, TextField } from "../ui/kit.jsx";
import { SCREENING_STATUS } from "./screening.js";

export default function StaffContacts() {
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const contacts = usePages("/contacts" + query({ q: search }));
  const { items } = contacts;
  return (
    <Page title={t("People who help")} back="/staff/activities"
      actions={<ButtonLink href="/staff/contacts/new" icon="plus" kind="secondary">{t("New contact")}</ButtonLink>}>
      <form role="search" onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
        <TextField label={t("Search")} type="search" value={q} onValue={setQ} />
      </form>
      {!items && !contacts.error && <Loading />}
      {items?.length === 0 && <Empty>{search ? t("Nothing found. Try fewer filters.") : t("No contacts yet.")}</Empty>}
      <ul class="card-list">
        {(items || []).map((c) => (
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
      <ErrorNote error={contacts.error} />
      {contacts.more && (
        <Button kind="secondary" busy={contacts.loading} onClick={contacts.loadMore}>{t("Show more")}</Button>
      )}
    </Page>
  );
}
