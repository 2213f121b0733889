import { useApi } from "../lib/api.js";
import { formatDateTime, t, tn } from "../lib/i18n.js";
import { Link } from "../router.js";
import { ButtonLink, Empty, ErrorNote, Loading, Page, UserText } from "../ui/kit.jsx";
import { MachineMark } from "../ui/Translated.jsx";

export default function Questions() {
  const { data, error, offline } = useApi("/questions", { cache: true });
  return (
    <Page title={t("My questions")} back="/help" offline={offline}>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.length === 0 && <Empty>{t("No questions yet.")}</Empty>}
      <ul class="card-list">
        {data?.map((q) => (
          <li key={q.id}>
            <Link class="card" href={`/help/questions/${q.id}`}>
              <h2>{q.topic_label}</h2>
              <UserText as="p" text={q.body} language={q.language} />
              <p class="meta">
                <span class={`badge ${q.status === "answered" ? "badge-ok" : "badge-warn"}`}>
                  {q.status === "answered" ? t("Answered") : t("Waiting for an answer")}
                </span>
                <span>{tn("{count} message", "{count} messages", q.message_count)}</span>
                <span>{formatDateTime(q.last_activity_at)}</span>
                <MachineMark text={q} />
              </p>
            </Link>
          </li>
        ))}
      </ul>
      <ButtonLink href="/help/ask" icon="chat">{t("Ask a question")}</ButtonLink>
    </Page>
  );
}
