from django.contrib import admin

from twinning.matching.models import EmbeddingCache, Feedback, MatchingRun, Recommendation


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "opportunity", "rank", "candidate", "score", "computed_at"]
    list_filter = ["programme"]
    list_select_related = ["organisation", "candidate", "opportunity"]
    raw_id_fields = ["organisation", "candidate", "opportunity"]
    search_fields = ["organisation__legal_name", "candidate__legal_name"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["organisation", "candidate", "kind", "updated_at"]
    list_filter = ["kind"]
    raw_id_fields = ["organisation", "candidate", "by"]


@admin.register(MatchingRun)
class MatchingRunAdmin(admin.ModelAdmin):
    list_display = ["programme", "started_at", "organisations", "texts_embedded", "seconds"]
    readonly_fields = ["token"]


@admin.register(EmbeddingCache)
class EmbeddingCacheAdmin(admin.ModelAdmin):
    list_display = ["text_hash", "model_version", "created_at"]
    list_filter = ["model_version"]
    exclude = ["vector"]
