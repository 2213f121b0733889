import { useEffect } from "preact/hooks";
import { formatDateTime, t } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { Link } from "../router.js";
import { Button, Empty, ErrorNote, Loading, Page, UserText } from "../ui/kit.jsx";
import { MachineMark } from "../ui/Translated.jsx";

export function usePushRefresh(reload) {
  useEffect(() => {
    const onMessage = (event) => { if (event.data?.type === "push") reload(); };
    navigator.serviceWorker?.addEventListener("message", onMessage);
    return () => navigator.serviceWorker?.removeEventListener("message", onMessage);
  }, [reload]);
}

export default function Inbox() {
  const inbox = usePages("/inbox", { cache: true });
  const { items, offline } = inbox;
  const error = items ? undefined : inbox.error;
  usePushRefresh(inbox.reload);
  return (
    <Page title={t("Messages")} offline={offline}>
      <ErrorNote error={error} />
      {!items && !error && <Loading />}
      {items?.length === 0 && <Empty>{t("No messages yet.")}</Empty>}
      <ul class="card-list">
        {items?.map((item) => (
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
      {items && <ErrorNote error={inbox.error} />}
      {inbox.more && <Button kind="secondary" busy={inbox.loading} onClick={inbox.loadMore}>{t("Show more")}</Button>}
    </Page>
  );
}
