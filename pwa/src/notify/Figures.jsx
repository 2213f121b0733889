import { useApi } from "../lib/api.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { ErrorNote, Loading, Page, UserText } from "../ui/kit.jsx";

export function FigureList({ figures }) {
  const rows = [
    [t("Meant for"), figures.targeted], [t("Delivered to a phone"), figures.delivered],
    [t("Only in the inbox"), figures.inbox_only], [t("Failed"), figures.failed],
    [t("Still sending"), figures.pending], [t("Opened"), figures.opened],
  ];
  return (
    <dl class="stats">
      {rows.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value ?? 0}</dd></div>)}
    </dl>
  );
}

export function statusLabel(n) {
  if (n.status === "scheduled") return t("Planned for {time}", { time: formatDateTime(n.send_at) });
  if (n.sent_at) return t("Sent {time}", { time: formatDateTime(n.sent_at) });
  return t("Sending…");
}

export default function Figures({ params }) {
  const { data: n, error, reload } = useApi(`/notifications/${Number(params.id)}`);
  if (!n) return <Page title={t("Message")} back="/notify">{error ? <ErrorNote error={error} /> : <Loading />}</Page>;
  const dutch = n.texts.find((x) => x.lang === "nl") || n.texts[0];
  return (
    <Page title={dutch.title} titleLang={dutch.lang} back="/notify">
      <p class="meta"><span>{statusLabel(n)}</span></p>
      <FigureList figures={n.figures} />
      <button type="button" class="btn btn-secondary" onClick={reload}>{t("Refresh")}</button>
      {n.texts.map((x) => (
        <div class="card" key={x.lang}>
          <h2 lang={x.lang} dir="auto">{x.title}</h2>
          <UserText as="p" text={x.body} language={x.lang} />
        </div>
      ))}
    </Page>
  );
}
