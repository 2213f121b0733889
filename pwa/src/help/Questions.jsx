import { formatDateTime, t, tn } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { Link } from "../router.js";
import { Button, ButtonLink, Empty, ErrorNote, Loading, Page, UserText } from "../ui/kit.jsx";
import { MachineMark } from "../ui/Translated.jsx";

export default function Questions() {
  const questions = usePages("/questions", { cache: true });
  const { items: data, offline } = questions;
  const error = data ? undefined : questions.error;
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
      {data && <ErrorNote error={questions.error} />}
      {questions.more && (
        <div class="btn-row">
          <Button kind="secondary" busy={questions.loading} onClick={questions.loadMore}>{t("Show more")}</Button>
        </div>
      )}
      <ButtonLink href="/help/ask" icon="chat">{t("Ask a question")}</ButtonLink>
    </Page>
  );
}
