// Young people: my requests for support. Intermediaries: the queue, oldest first.
import { useState } from "preact/hooks";
import { t, tn } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { currentUser } from "../lib/session.js";
import { Button, ButtonLink, Chip, Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { RequestCard } from "./parts.jsx";

const FILTERS = () => [["open", t("Open")], ["stale", t("No step for a week")], ["all", t("All")]];

/** "Show more" under a list, and the error of a next page that did not come. */
function More({ list }) {
  return (
    <>
      {list.items && <ErrorNote error={list.error} />}
      {list.more && <Button kind="secondary" busy={list.loading} onClick={list.loadMore}>{t("Show more")}</Button>}
    </>
  );
}

function YouthRequests() {
  const requests = usePages("/support-requests", { cache: true });
  const { items, offline } = requests;
  const error = items ? undefined : requests.error;
  return (
    <Page title={t("Money for a club")} offline={offline}>
      <p class="hint">{t("Money should not stop you from joining. A helper can ask a fund to pay the club for you. You never need to show income or papers.")}</p>
      <ButtonLink href="/support/new" icon="plus">{t("Ask for support")}</ButtonLink>
      <ErrorNote error={error} />
      {!items && !error && <Loading />}
      {items && items.length === 0 && <Empty>{t("You have not asked for support yet.")}</Empty>}
      {items && <ul class="card-list">{items.map((r) => <RequestCard key={r.id} request={r} />)}</ul>}
      <More list={requests} />
    </Page>
  );
}

function Queue({ user }) {
  const [status, setStatus] = useState("open");
  const queue = usePages(`/support-requests?status=${status}`);
  const { items } = queue;
  const error = items ? undefined : queue.error;
  return (
    <Page title={t("Requests for support")}>
      <div class="btn-row">
        <ButtonLink href="/support/figures" kind="secondary" icon="chart">{t("Figures")}</ButtonLink>
        <ButtonLink href="/support/funds" kind="secondary" icon="coins">{t("Funds")}</ButtonLink>
      </div>
      <fieldset class="chips">
        <legend>{t("Show")}</legend>
        {FILTERS().map(([value, label]) => (
          <Chip key={value} data-filter={value} pressed={status === value} onClick={() => setStatus(value)}>{label}</Chip>
        ))}
      </fieldset>
      <ErrorNote error={error} />
      {!items && !error && <Loading />}
      {items && (
        <>
          <p role="status">{tn("{count} request, oldest first", "{count} requests, oldest first", queue.info.total ?? items.length)}</p>
          {items.length === 0 && <Empty>{t("No requests here.")}</Empty>}
          <ul class="card-list">{items.map((r) => <RequestCard key={r.id} request={r} staff />)}</ul>
          <More list={queue} />
        </>
      )}
    </Page>
  );
}

export default function Requests() {
  const user = currentUser.value;
  if (!user) return <Loading />;
  return user.role === "youth" ? <YouthRequests /> : <Queue user={user} />;
}
