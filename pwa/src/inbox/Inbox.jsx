import { useEffect } from "preact/hooks";
import { useApi } from "../lib/api.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { Link } from "../router.js";
import { Empty, ErrorNote, Loading, Page, UserText } from "../ui/kit.jsx";
import { MachineMark } from "../ui/Translated.jsx";

export function usePushRefresh(reload) {
  useEffect(() => {
    const onMessage = (event) => { if (event.data?.type === "push") reload(); };
    navigator.serviceWorker?.addEventListener("message", onMessage);
    return () => navigator.serviceWorker?.removeEventListener("message", onMessage);
  }, [reload]);
}

export default function Inbox() {
  const { data, error, offline, reload } = useApi("/inbox", { cache: true });
  usePushRefresh(reload);
  return (
    <Page title={t("Messages")} offline={offline}>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.items.length === 0 && <Empty>{t("No messages yet.")}</Empty>}
      <ul class="card-list">
        {data?.items.map((item) => (
          <li key={item.id} class={item.read_at ? "" : "unread"}>
            <Link class="card" href={`/inbox/${item.id}`}>
              <h2><UserText text={item.title} language={item.lang} />
                {!item.read_at && <span class="sr-only"> ({t("new")})</span>}</h2>
              <UserText as="p" text={item.body.length > 140 ? item.body.slice(0, 140) + "…" : item.body}
                language={item.lang} />
              <p class="meta"><span>{formatDateTime(item.created_at)}</span><MachineMark text={item} /></p>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
