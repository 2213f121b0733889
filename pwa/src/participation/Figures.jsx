import { useApi } from "../lib/api.js";
import { formatShare, t } from "../lib/i18n.js";
import { currentUser } from "../lib/session.js";
import { ButtonLink, ErrorNote, Loading, Page, Section } from "../ui/kit.jsx";
import { Bar } from "./Bars.jsx";

function Groups({ title, rows }) {
  return (
    <Section title={title}>
      {rows.map((r) => (r.hidden
        ? <p key={r.key}><bdi>{r.label}</bdi>: {t("fewer than five young people")}</p>
        : <Bar key={r.key} label={r.label} value={r.share} max={1}
            text={`${formatShare(r.share)} (${r.took_part}/${r.youth})`} />))}
    </Section>
  );
}

function FollowUp() {
  const { data } = useApi("/figures/participation/follow-up");
  if (!data) return null;
  return (
    <Section title={t("New youth without participation in their first 30 days")}>
      {data.length === 0 ? <p>0</p>
        : <ul>{data.map((p) => <li key={p.user_id}><bdi>{p.display_name}</bdi>{p.house && <> · <bdi>{p.house}</bdi></>}</li>)}</ul>}
    </Section>
  );
}

function Numbers() {
  const { data: f, error } = useApi("/figures/participation");
  if (error) return <ErrorNote error={error} />;
  if (!f) return <Loading />;
  const v = f.visits;
  return <>
    <p class="big-number">{formatShare(f.share)}</p>
    <p>{t("took part at least once this month")} {f.youth != null && `(${f.took_part}/${f.youth})`}</p>
    <p class="hint">{t("Groups of fewer than five young people are merged into Other.")}</p>
    <Groups title={t("By house")} rows={f.by_house} />
    <Groups title={t("By language")} rows={f.by_language} />
    <Groups title={t("By age")} rows={f.by_age} />
    <Groups title={t("By category")} rows={f.by_category} />
    <Section title={t("Sign-ups and visits")}>
      <Bar label={t("Signed up")} value={v.signed_up} max={v.signed_up} text={String(v.signed_up)} />
      <Bar label={t("Came")} value={v.came} max={v.signed_up} text={String(v.came)} />
      <Bar label={t("Did not come")} value={v.no_shows} max={v.signed_up} text={String(v.no_shows)} />
      <p>{t("Walk-ins")}: {v.walk_ins}</p>
    </Section>
    <p>{t("New youth without participation in their first 30 days")}: {f.new_without_participation ?? t("fewer than five young people")}</p>
    <ButtonLink kind="secondary" href={`/api/v1/figures/participation/csv?month=${f.month}`} download>{t("Download CSV")}</ButtonLink>
  </>;
}

export default function Figures() {
  const user = currentUser.value;
  return (
    <Page title={t("Figures")}>
      {user.role === "youth_worker" && <Numbers />}
      <FollowUp />
    </Page>
  );
}
