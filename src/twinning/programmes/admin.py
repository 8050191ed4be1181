from django.contrib import admin

from twinning.programmes.models import Programme, Region, Sector, Side


@admin.register(Side)
class SideAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ru", "name_kk", "time_zone"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ru", "name_kk", "side", "kind", "time_zone"]
    list_filter = ["side", "kind"]
    search_fields = ["name_en", "name_ru", "name_kk", "slug"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "title_en", "title_ru", "title_kk"]
    list_filter = ["level", "section"]
    search_fields = ["code", "title_en", "title_ru", "title_kk"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "slug", "side_a", "side_b", "is_active"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["sector_focus"]
