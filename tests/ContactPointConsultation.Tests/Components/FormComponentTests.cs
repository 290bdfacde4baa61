using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Features.Shared;

namespace ContactPointConsultation.Tests.Components;

/// <summary>
/// Each GOV.UK component partial, rendered on its own: the same markup as GOV.UK Frontend's fixtures,
/// its error state worked out from the model state, and what people typed always encoded.
/// </summary>
public sealed class FormComponentTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private const string Markup = "\"><script>alert(1)</script>";

    private static Dictionary<string, string> Error(string key, string message) => new() { [key] = message };

    [Fact]
    public async Task TextInput_InError_MatchesTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_TextInput", new TextInputModel("Ni", "National Insurance number") { Id = "input-with-error-message", Name = "test-name-3" },
            Error("Ni", "Enter a National Insurance number in the correct format"));

        AssertSameMarkup(ComponentRenderer.GovUkFixture("input", "with error message"), page);
    }

    [Fact]
    public async Task Textarea_InError_MatchesTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_Textarea", new TextareaModel("no-ni-reason", "Why can’t you provide a National Insurance number?"),
            Error("no-ni-reason", "You must provide an explanation"));

        AssertSameMarkup(ComponentRenderer.GovUkFixture("textarea", "with error message"), page);
    }

    [Fact]
    public async Task Textarea_WithCharacterCount_MatchesTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_Textarea", new TextareaModel("with-hint", "Can you provide more detail?")
        {
            Hint = "Don't include personal or financial information, eg your National Insurance number or credit card details.",
            MaxLength = 10,
        });

        AssertSameMarkup(ComponentRenderer.GovUkFixture("character-count", "with hint"), page);
    }

    [Fact]
    public async Task Textarea_AsTheQuestionPagesCommentsBox_InError_IsDescribedByCountHintThenError()
    {
        var page = await portal.RenderAsync("_Textarea", new TextareaModel("Comments", "Comments (optional)")
        {
            Value = "Too long",
            LabelClass = "govuk-label--s",
            Hint = "What do you think?\nDon’t write your name, your school or anything that shows who you are.",
            Rows = 8,
            MaxLength = 5000,
        }, Error("Comments", "Comments must be 5,000 characters or less"));

        var group = page.QuerySelector("div.govuk-form-group")!;
        Assert.Equal(["govuk-form-group", "govuk-form-group--error", "govuk-character-count"], group.ClassList);
        Assert.Equal("govuk-character-count", group.GetAttribute("data-module"));
        Assert.Equal("5000", group.GetAttribute("data-maxlength"));
        Assert.Equal("govuk-label govuk-label--s", page.QuerySelector("label[for=comments]")!.ClassName);
        Assert.Equal(["What do you think?", "Don’t write your name, your school or anything that shows who you are."],
            page.QuerySelector("#comments-hint")!.ChildNodes.OfType<IText>().Select(t => t.Data.Trim()).Where(t => t.Length > 0));
        Assert.Single(page.QuerySelectorAll("#comments-hint br"));
        var textarea = page.QuerySelector<IHtmlTextAreaElement>("textarea#comments")!;
        Assert.Equal("Comments", textarea.Name);
        Assert.Equal("8", textarea.GetAttribute("rows"));
        Assert.Equal("Too long", textarea.Value);
        Assert.Equal(["govuk-textarea", "govuk-textarea--error", "govuk-js-character-count"], textarea.ClassList);
        Assert.Equal("comments-info comments-hint comments-error", textarea.GetAttribute("aria-describedby"));
        Assert.Equal("You can enter up to 5,000 characters", page.QuerySelector("#comments-info.govuk-hint.govuk-character-count__message")!.TextContent);
        Assert.Equal("Error: Comments must be 5,000 characters or less", page.QuerySelector("p#comments-error.govuk-error-message")!.TextContent);
    }

    [Fact]
    public async Task FileUpload_InErrorWithAHint_MatchesTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_FileUpload", new FileUploadModel("Photo", "Upload a file")
        {
            Id = "file-upload-3",
            Name = "file-upload-3",
            Hint = "Your photo may be in your Pictures, Photos, Downloads or Desktop folder. Or in an app like iPhoto.",
        }, Error("Photo", "Error message goes here"));

        AssertSameMarkup(ComponentRenderer.GovUkFixture("file-upload", "with error message and hint"), page);
    }

    [Fact]
    public async Task Select_InError_MatchesTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_Select", new SelectModel("select-2", "Label text goes here", null,
            [("1", "GOV.UK frontend option 1"), ("2", "GOV.UK frontend option 2"), ("3", "GOV.UK frontend option 3")])
        {
            Hint = "Hint text goes here",
        }, Error("select-2", "Error message goes here"));

        AssertSameMarkup(ComponentRenderer.GovUkFixture("select", "with hint text and error message"), page);
    }

    [Fact]
    public async Task Radios_Inline_MatchTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_Radios", new RadiosModel("example", "Have you changed your name?", "no", [("yes", "Yes"), ("no", "No")])
        {
            LegendClass = null,
            Hint = "This includes changing your last name or spelling your name differently.",
            Inline = true,
        });

        AssertSameMarkup(ComponentRenderer.GovUkFixture("radios", "inline"), page);
    }

    [Fact]
    public async Task Radios_InError_FirstRadioHasTheFieldsIdAndTheFieldsetIsDescribedByHintThenError()
    {
        var page = await portal.RenderAsync("_Radios", new RadiosModel("AgeGroup", "How old are you?", null, [("a", "A"), ("b", "B"), ("c", "C")]) { Hint = "Pick one" },
            Error("AgeGroup", "Select your age group"));

        Assert.True(page.QuerySelector("div.govuk-form-group")!.ClassList.Contains("govuk-form-group--error"));
        Assert.Equal("age-group-hint age-group-error", page.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal(["age-group", "age-group-2", "age-group-3"], page.QuerySelectorAll("input[type=radio]").Select(r => r.Id));
        Assert.Equal(["age-group", "age-group-2", "age-group-3"], page.QuerySelectorAll("label.govuk-radios__label").Select(l => l.GetAttribute("for")));
        Assert.Equal("Error: Select your age group", page.QuerySelector("p#age-group-error")!.TextContent);
    }

    [Fact]
    public async Task Radios_TheQuestionPagesForm_IsYesNoThenAnOrDividerThenNotSure()
    {
        var page = await portal.RenderAsync("_Radios", new RadiosModel("Answer", "Should it?", "no", [("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure")])
        {
            LegendIsHeading = true,
            OrBeforeLast = true,
        });

        Assert.Equal(["Yes", "No", "or", "Not sure"], page.QuerySelectorAll(".govuk-radios > div").Select(d => d.TextContent.Trim()));
        Assert.Equal("govuk-radios__divider", page.QuerySelectorAll(".govuk-radios > div")[2].ClassName);
        Assert.Equal("Should it?", page.QuerySelector("legend.govuk-fieldset__legend.govuk-fieldset__legend--m > h2.govuk-fieldset__heading")!.TextContent);
        Assert.Equal(["answer-2"], page.QuerySelectorAll("input[checked]").Select(r => r.Id));
        Assert.Null(page.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Radios_WithHintsOnItems_DescribeEachRadioByItsOwnHint()
    {
        var page = await portal.RenderAsync("_Radios", new RadiosModel("Role", "Role", null, [("Analyst", "Analyst"), ("Admin", "Admin")])
        {
            ItemHints = new Dictionary<string, string> { ["Admin"] = "Also manages accounts" },
        });

        Assert.Null(page.QuerySelector("#role")!.GetAttribute("aria-describedby"));
        Assert.Equal("role-2-item-hint", page.QuerySelector("#role-2")!.GetAttribute("aria-describedby"));
        Assert.Equal("Also manages accounts", page.QuerySelector("#role-2-item-hint.govuk-hint.govuk-radios__hint")!.TextContent);
    }

    [Fact]
    public async Task Checkboxes_InError_MatchTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_Checkboxes", new CheckboxesModel("example", "What is your nationality?", [], [("british", "British"), ("irish", "Irish")])
        {
            LegendClass = null,
            Hint = "If you have dual nationality, select all options that are relevant to you.",
        }, Error("example", "Please select an option"));

        AssertSameMarkup(ComponentRenderer.GovUkFixture("checkboxes", "with error message and hint"), page);
    }

    [Fact]
    public async Task Checkboxes_KeepWhatWasChecked()
    {
        var page = await portal.RenderAsync("_Checkboxes", new CheckboxesModel("Kinds", "Kinds", ["b", "c"], [("a", "A"), ("b", "B"), ("c", "C")]));

        Assert.Equal(["kinds-2", "kinds-3"], page.QuerySelectorAll("input[checked]").Select(c => c.Id));
        Assert.All(page.QuerySelectorAll("input"), c => Assert.Equal("Kinds", c.GetAttribute("name")));
    }

    [Fact]
    public async Task DateInput_InError_MatchesTheGovUkFixtureWithTheDayBoxCarryingTheFieldsId()
    {
        var fixture = ComponentRenderer.GovUkFixture("date-input", "with error message and hint");
        // Our day box has the field's id, so that the error summary's link lands on it, as it does for radios.
        fixture.QuerySelector(".govuk-date-input")!.RemoveAttribute("id");
        foreach (var (from, to) in new[] { ("dob-errors-day", "dob-errors"), ("dob-errors-month", "dob-errors-month"), ("dob-errors-year", "dob-errors-year") })
        {
            fixture.QuerySelector($"label[for={from}]")!.SetAttribute("for", to);
            var box = fixture.QuerySelector($"input#{from}")!;
            box.Id = to;
        }

        var page = await portal.RenderAsync("_DateInput", new DateInputModel("DobErrors", "What is your date of birth?", new DateParts("x", "y", "z"))
        {
            LegendClass = null,
            DayName = "day",
            MonthName = "month",
            YearName = "year",
            Hint = "For example, 31 3 1980",
        }, Error("DobErrors", "Error message goes here"));

        fixture.QuerySelector("input[name=day]")!.SetAttribute("value", "x");
        fixture.QuerySelector("input[name=month]")!.SetAttribute("value", "y");
        fixture.QuerySelector("input[name=year]")!.SetAttribute("value", "z");
        AssertSameMarkup(fixture, page);
    }

    [Fact]
    public async Task DateInput_WithOnlyTheMonthMissing_ReadsTheMonthsErrorAndMarksOnlyTheMonth()
    {
        var page = await portal.RenderAsync("_DateInput", new DateInputModel("From", "Date from", new DateParts("1", "", "2027")),
            Error("From:month", "Date from must include a month"));

        Assert.Equal(["from-month"], page.QuerySelectorAll("input.govuk-input--error").Select(i => i.Id));
        Assert.Equal("from-error", page.QuerySelector("fieldset[role=group]")!.GetAttribute("aria-describedby"));
        Assert.Equal(["FromDay", "FromMonth", "FromYear"], page.QuerySelectorAll("input").Select(i => i.GetAttribute("name")));
        Assert.Equal(["1", "", "2027"], page.QuerySelectorAll<IHtmlInputElement>("input").Select(i => i.Value));
    }

    [Fact]
    public async Task DateInput_WithoutAnError_MarksNothingAndIsDescribedByItsHintOnly()
    {
        var page = await portal.RenderAsync("_DateInput", new DateInputModel("To", "Date to", new DateParts("31", "2", "2027")) { Hint = "For example, 31 3 2027" });

        Assert.Empty(page.QuerySelectorAll(".govuk-input--error, .govuk-form-group--error, .govuk-error-message"));
        Assert.Equal("to-hint", page.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task NotificationBanner_Neutral_MatchesTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_NotificationBanner", new NotificationBannerModel("This publication was withdrawn on 7 March 2014."));

        AssertSameMarkup(ComponentRenderer.GovUkFixture("notification-banner", "default"), page);
    }

    [Fact]
    public async Task NotificationBanner_Success_MatchesTheGovUkFixture()
    {
        var page = await portal.RenderAsync("_NotificationBanner", new NotificationBannerModel("Email sent to example@email.com") { Success = true });

        AssertSameMarkup(ComponentRenderer.GovUkFixture("notification-banner", "with type as success"), page);
    }

    [Fact]
    public async Task ErrorSummary_WithAProblemThatBelongsToNoField_ShowsItAsText()
    {
        var page = await portal.RenderAsync("_ErrorSummary", new ErrorSummaryModel("Someone else changed the draft"));

        Assert.Equal("Someone else changed the draft", page.QuerySelector(".govuk-error-summary__body > p.govuk-body")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".govuk-error-summary__list"));
    }

    [Fact]
    public async Task ErrorSummary_LinksADatesErrorToTheBoxItIsUnder()
    {
        var page = await portal.RenderAsync("_ErrorSummary", new ErrorSummaryModel(null), Error("To:year", "Date to must include a year"));

        Assert.Equal("#to-year", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task EveryComponent_EncodesWhatWasTypedAndTheTextItIsGiven()
    {
        (string Partial, object Model, string Key)[] components =
        [
            ("_TextInput", new TextInputModel("Field", Markup) { Value = Markup, Hint = Markup }, "Field"),
            ("_Textarea", new TextareaModel("Field", Markup) { Value = Markup, Hint = Markup, MaxLength = 10 }, "Field"),
            ("_Select", new SelectModel("Field", Markup, Markup, [(Markup, Markup)]) { Hint = Markup }, "Field"),
            ("_Radios", new RadiosModel("Field", Markup, Markup, [(Markup, Markup), ("b", "B")]) { Hint = Markup, ItemHints = new Dictionary<string, string> { [Markup] = Markup } }, "Field"),
            ("_Checkboxes", new CheckboxesModel("Field", Markup, [Markup], [(Markup, Markup)]) { Hint = Markup }, "Field"),
            ("_DateInput", new DateInputModel("Field", Markup, new DateParts(Markup, Markup, Markup)) { Hint = Markup }, "Field"),
            ("_NotificationBanner", new NotificationBannerModel(Markup), "Field"),
            ("_FileUpload", new FileUploadModel("Field", Markup) { Hint = Markup }, "Field"),
        ];

        foreach (var (partial, model, key) in components)
        {
            var page = await portal.RenderAsync(partial, model, Error(key, Markup));

            Assert.True(page.QuerySelectorAll("script").Length == 0, $"{partial} let markup through");
            Assert.Contains(Markup, page.Body!.TextContent + string.Concat(page.QuerySelectorAll("input, option").Select(e => e.GetAttribute("value"))), StringComparison.Ordinal);
        }
    }

    private static void AssertSameMarkup(IHtmlDocument expected, IHtmlDocument actual) =>
        Assert.Equal(string.Join('\n', ComponentRenderer.Canonical(expected.Body!)), string.Join('\n', ComponentRenderer.Canonical(actual.Body!)));
}
