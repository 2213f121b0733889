// Young people: my requests for support. Intermediaries: the queue, oldest first.
import { useState } from "preact/hooks";
import { useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { useSession } from "../lib/session.js";
import { ButtonLink, Chip, Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { RequestCard } from "./parts.jsx";

const FILTERS = () => [["open", t("Open")], ["stale", t("No step for a week")], ["all", t("All")]];

function YouthRequests() {
  const { data, error, offline } = useApi("/support-requests", { cache: true });
  return (
    <Page title={t("Money for a club")} offline={offline}>
      <p class="hint">{t("Money should not stop you from joining. A helper can ask a fund to pay the club for you. You never need to show income or papers.")}</p>
      <ButtonLink href="/support/new" icon="plus">{t("Ask for support")}</ButtonLink>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <Empty>{t("You have not asked for support yet.")}</Empty>}
      {data && <ul class="card-list">{data.items.map((r) => <RequestCard key={r.id} request={r} />)}</ul>}
    </Page>
  );
}

function Queue({ user }) {
  const [status, setStatus] = useState("open");
  const { data, error } = useApi(`/support-requests?status=${status}`);
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
      {!data && !error && <Loading />}
      {data && (
        <>
          <p role="status">{tn("{count} request, oldest first", "{count} requests, oldest first", data.total)}</p>
          {data.items.length === 0 && <Empty>{t("No requests here.")}</Empty>}
          <ul class="card-list">{data.items.map((r) => <RequestCard key={r.id} request={r} staff />)}</ul>
        </>
      )}
    </Page>
  );
}

export default function Requests() {
  const { user } = useSession();
  if (!user) return <Loading />;
  return user.role === "youth" ? <YouthRequests /> : <Queue user={user} />;
}
