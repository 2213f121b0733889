"""Web Push: VAPID keys, device subscriptions and the concurrent sender."""
