app_name = "editorial"

urlpatterns = []
