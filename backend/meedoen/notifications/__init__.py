"""Notifications: youth workers reach youth in their own language (inbox + Web Push)."""
