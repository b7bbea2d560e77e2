// A book of customers' sections: the outcome filter (site.css hides the rows of an unchecked
// outcome), added by script so that a page without script carries none of it and shows every row;
// each customer's links to its areas; the title of the customer a link leads to; a note when the
// link's customer is not on the page.
(function(){
  var book=document.querySelector('.book');
  if(!book)return;
  var p=document.createElement('p');
  p.appendChild(document.createTextNode('Show: '));
  [['met','Met'],['not_met','Not met'],['not_evaluated','Not evaluated']].forEach(function(o){
    var box=document.createElement('input'),label=document.createElement('label');
    box.type='checkbox';box.id='f-'+o[0];box.checked=true;
    label.htmlFor=box.id;label.className=o[0];label.textContent=o[1];
    p.appendChild(box);p.appendChild(label);p.appendChild(document.createTextNode(' '));
  });
  book.parentNode.insertBefore(p,book);
  // each customer's links to its areas: an area's heading, or its row among the areas stopped at
  // their first gate (anchors NAME.a-AREA)
  [].forEach.call(book.children,function(s){
    var nav=document.createElement('nav');
    nav.className='areas';nav.setAttribute('aria-label','Solution areas');
    [].forEach.call(s.querySelectorAll('[id]'),function(e){
      if(e.id.indexOf('.a-')<0)return;
      var a=document.createElement('a');
      a.href='#'+e.id;
      a.textContent=e.tagName==='TR'?e.cells[0].textContent:e.firstChild.textContent.replace(/: $/,'');
      nav.appendChild(a);
    });
    s.insertBefore(nav,s.children[2]||null);
  });
  var title=document.title;
  function follow(){
    var id=decodeURIComponent(location.hash.substring(1)),section=null;
    var target=id&&document.getElementById(id);
    for(var e=target;e&&e!==book;e=e.parentNode){
      if(e.tagName==='SECTION')section=e;
    }
    document.getElementById('gone').hidden=!id||!!target;
    var b=section&&section.querySelector('.customer-id');
    document.title=b?'Customer '+b.textContent:title;
    if(section&&section===target)window.scrollTo(0,0);
  }
  window.addEventListener('hashchange',follow);
  follow();
})();
