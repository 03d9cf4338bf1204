from django.contrib import admin

from proofing.models import SensitiveWord, StandardTerm, TypoEntry


@admin.register(TypoEntry)
class TypoEntryAdmin(admin.ModelAdmin):
    list_display = ["wrong", "right"]
    list_editable = ["right"]
    search_fields = ["wrong", "right"]


@admin.register(StandardTerm)
class StandardTermAdmin(admin.ModelAdmin):
    list_display = ["wrong", "right"]
    list_editable = ["right"]
    search_fields = ["wrong", "right"]


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ["word", "note"]
    search_fields = ["word"]
