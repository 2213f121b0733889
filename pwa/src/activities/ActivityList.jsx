import { useState } from "preact/hooks";
import { query } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { pending as waiting } from "../lib/queue-state.js";
import { currentUser } from "../lib/session.js";
import { Button, ButtonLink, Chip, Empty, ErrorNote, Loading, Page, TextField } from "../ui/kit.jsx";
import { ActivityCard } from "./parts.jsx";

const FILTERS = [
  ["free", () => t("Free"), "euro"],
  ["evenings", () => t("Evenings"), "moon"],
  ["weekends", () => t("Weekends"), "calendar"],
  ["transport", () => t("Transport offered"), "bus"],
  ["language", () => t("My language"), "chat"],
];

const PAGE = 20;

export default function ActivityList({ query: params }) {
  const user = currentUser.value;
  const [filters, setFilters] = useState(() => Object.fromEntries(
    FILTERS.map(([name]) => [name, params.get(name) === "1"])));
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const path = "/activities" + query({
    free: filters.free && "true", evenings: filters.evenings && "true",
    weekends: filters.weekends && "true", transport: filters.transport && "true",
    language: filters.language && lang(), q: search, limit: PAGE,
  });
  const list = usePages(path, { cache: true }); // the first page is kept for offline use
  const pending = waiting.value;
  const flip = (name) => setFilters({ ...filters, [name]: !filters[name] });
  const staff = user && user.role !== "youth";
  return (
    <Page title={t("Activities")} offline={list.offline}
      actions={staff && <ButtonLink href="/staff/activities/new" icon="plus" kind="secondary">{t("New activity")}</ButtonLink>}>
      <fieldset class="chips">
        <legend>{t("Show only")}</legend>
        {FILTERS.map(([name, label, icon]) => (
          <Chip key={name} data-filter={name} icon={icon} pressed={filters[name]} onClick={() => flip(name)}>{label()}</Chip>
        ))}
      </fieldset>
      <form role="search" onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
        <TextField label={t("Search")} type="search" value={q} onValue={setQ} />
      </form>
      <ErrorNote error={list.error} />
      {!list.items && !list.error && <Loading />}
      {list.items && (
        <>
          {list.items.length === 0 && <Empty>{t("Nothing found. Try fewer filters.")}</Empty>}
          <ul class="card-list">
            {list.items.map((a) => (
              <ActivityCard key={a.id} activity={a} level={2}
                pending={pending.some((p) => p.activityId === a.id)} />
            ))}
          </ul>
          {list.more && (
            <Button kind="secondary" busy={list.loading} onClick={list.loadMore} data-more="activities">{t("Show more")}</Button>
          )}
        </>
      )}
    </Page>
  );
}
